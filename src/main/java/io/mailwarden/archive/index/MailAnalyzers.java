package io.mailwarden.archive.index;

import java.io.Reader;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.DefaultICUTokenizerConfig;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains of the archive index: one analyzer for indexing, and the matching one for queries.
 *
 * <p><b>Text fields</b> ({@link Fields#FREE_TEXT}): a line break between two Han characters is
 * removed (mail wraps Chinese lines mid-word) → full-width forms become half-width
 * ({@code ＡＢＣ１２３} → {@code ABC123}) → the UAX #29 standard tokenizer: one token per ideograph,
 * Latin words and numbers whole ({@code Q3发票} → {@code Q3 发 票}) → ICU folding (NFKC, case and
 * accents) → CJK bigrams. Not the ICU tokenizer: it splits text into script runs first and lets a digit
 * join the run before it, so {@code 5G} after a Chinese character became {@code 5 g} while a typed
 * {@code 5G基站} stays {@code 5g}, and the recall measurement lost such mixed tokens. At index time each Han character is kept as a unigram and each
 * adjacent pair is added as a bigram at the first character's position; at query time only the bigrams
 * are made (a lone character stays a unigram), then {@link BigramGapFilter} gives every Han run as many
 * positions as it has characters. A typed word or phrase is a phrase query of those tokens, so every
 * 1-, 2-, 3-, 4- or longer Chinese word is found wherever its characters stand in a row, whatever
 * surrounds them, and long words cost a few bigram lookups, not one per character.
 *
 * <p><b>Words fields</b> ({@code *_words}): the text segmented into Chinese words, to rank hits whose words
 * match as words above hits where the characters merely stand together. The subject is short and its words
 * rank most: smartcn's hidden Markov model segments it. The body is long: ICU's dictionary segmentation, about
 * four times faster than smartcn and close to it on the words that matter (smartcn was a quarter of the CPU
 * time of indexing Chinese mail).
 *
 * <p><b>Exact fields</b>: the documents hold them already normalised ({@link Fields#exact}); for
 * queries they are one keyword, lower-cased where the field is.
 */
public final class MailAnalyzers {

    private static final int GAP_BETWEEN_VALUES = 100;

    private MailAnalyzers() {
    }

    /** The analyzer the index writer uses, per field. */
    public static Analyzer indexing() {
        return perField(new TextAnalyzer(false));
    }

    /** The analyzer for parsing what people type, per field; the default is the text chain. */
    public static Analyzer querying() {
        return perField(new TextAnalyzer(true));
    }

    private static Analyzer perField(Analyzer text) {
        Map<String, Analyzer> fields = new HashMap<>();
        fields.put(Fields.SUBJECT_WORDS, new SmartChineseAnalyzer());
        fields.put(Fields.BODY_WORDS, new DictionaryWordsAnalyzer());
        Analyzer keyword = new KeywordAnalyzer();
        for (String f : new String[] {Fields.ID, Fields.ACCOUNT, Fields.FOLDER, Fields.MESSAGE_ID,
                Fields.IN_REPLY_TO, Fields.REFERENCES, Fields.THREAD}) {
            fields.put(f, keyword);
        }
        Analyzer lowerKeyword = new LowerCaseKeywordAnalyzer();
        for (String f : new String[] {Fields.FROM, Fields.TO, Fields.CC, Fields.FROM_DOMAIN, Fields.TO_DOMAIN,
                Fields.CC_DOMAIN, Fields.FLAG, Fields.ATTACHMENT_NAME, Fields.ATTACHMENT_TYPE, Fields.RULE,
                Fields.CONTENT_HASH}) {
            fields.put(f, lowerKeyword);
        }
        return new PerFieldAnalyzerWrapper(text, fields);
    }

    /** The bigram chain of the text fields; {@code forQuery} makes bigrams only, with gaps after Han runs. */
    static final class TextAnalyzer extends Analyzer {

        private final boolean forQuery;

        TextAnalyzer(boolean forQuery) {
            this.forQuery = forQuery;
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new CJKWidthCharFilter(new HanWrapCharFilter(reader));
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new ICUFoldingFilter(tokenizer);
            stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA
                    | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL, !forQuery);
            if (forQuery) {
                stream = new BigramGapFilter(stream);
            }
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            // a phrase never spans two values of a multi-valued field (two attachments, two names)
            return GAP_BETWEEN_VALUES;
        }
    }

    /** ICU's word break with its Chinese and Japanese dictionary, folded as the text fields are. */
    private static final class DictionaryWordsAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new ICUTokenizer(new DefaultICUTokenizerConfig(true, true));
            return new TokenStreamComponents(tokenizer, new ICUFoldingFilter(tokenizer));
        }
    }

    /** One token of the whole value, lower-cased: the query side of the lower-cased exact fields. */
    private static final class LowerCaseKeywordAnalyzer extends Analyzer {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new KeywordTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }
    }
}
