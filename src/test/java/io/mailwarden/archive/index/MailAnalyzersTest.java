package io.mailwarden.archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class MailAnalyzersTest {

    private final Analyzer indexing = MailAnalyzers.indexing();
    private final Analyzer querying = MailAnalyzers.querying();

    /** Tokens as "term@position". */
    static List<String> tokens(Analyzer analyzer, String field, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(term + "@" + pos);
            }
            ts.end();
        }
        return out;
    }

    @Test
    void indexKeepsEveryHanCharacterAndAddsEachPairAtItsFirstCharacter() throws IOException {
        assertThat(tokens(indexing, Fields.BODY, "发票金额"))
                .containsExactly("发@0", "发票@0", "票@1", "票金@1", "金@2", "金额@2", "额@3");
    }

    @Test
    void queryMakesBigramsAndGivesEachHanRunAsManyPositionsAsTheIndex() throws IOException {
        assertThat(tokens(querying, Fields.BODY, "发票Q3")).containsExactly("发票@0", "q3@2");
        assertThat(tokens(indexing, Fields.BODY, "发票Q3")).containsExactly("发@0", "发票@0", "票@1", "q3@2");
        assertThat(tokens(querying, Fields.BODY, "发票 合同 税")).containsExactly("发票@0", "合同@2", "税@4");
        assertThat(tokens(querying, Fields.BODY, "Q3发票")).containsExactly("q3@0", "发票@1");
        assertThat(tokens(querying, Fields.BODY, "票")).containsExactly("票@0");
    }

    @Test
    void aLatinTokenIsTheSameWhateverStandsBeforeIt() throws IOException {
        assertThat(tokens(indexing, Fields.BODY, "网络5G基站")).contains("5g@2");
        assertThat(tokens(querying, Fields.BODY, "5G基站")).containsExactly("5g@0", "基站@1");
    }

    @Test
    void foldsFullWidthFormsCaseAndAccents() throws IOException {
        assertThat(tokens(indexing, Fields.SUBJECT, "ＡＢＣ１２３ Café iPhone15"))
                .containsExactly("abc123@0", "cafe@1", "iphone15@2");
        assertThat(tokens(querying, Fields.SUBJECT, "ＰＤＦ报告")).containsExactly("pdf@0", "报告@1");
    }

    @Test
    void joinsHanLinesWrappedMidWordButNotOtherLines() throws IOException {
        assertThat(tokens(indexing, Fields.BODY, "发\r\n票")).contains("发票@0");
        assertThat(tokens(indexing, Fields.BODY, "invoice\r\nnumber")).containsExactly("invoice@0", "number@1");
        assertThat(tokens(indexing, Fields.BODY, "发票\nQ3")).containsExactly("发@0", "发票@0", "票@1", "q3@2");
    }

    @Test
    void exactFieldsAreOneLowerCasedTokenForQueries() throws IOException {
        assertThat(tokens(querying, Fields.FROM, "Billing@Vendor.Example")).containsExactly("billing@vendor.example@0");
        assertThat(tokens(querying, Fields.FOLDER, "其他文件夹/Invoices")).containsExactly("其他文件夹/Invoices@0");
    }

    @Test
    void wordsFieldsSegmentChineseIntoWords() throws IOException {
        assertThat(tokens(indexing, Fields.BODY_WORDS, "我们签订了合同")).extracting(t -> t.substring(0, t.indexOf('@')))
                .contains("合同");
    }
}
