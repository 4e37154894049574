package io.mailwarden.archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextQueriesTest {

    @TempDir
    static Path dir;

    private static ArchiveIndex index;
    private static final TextQueries TEXT = new TextQueries();

    @BeforeAll
    static void indexSamples() {
        index = ArchiveIndex.open(dir, Duration.ofHours(1));
        index.upsert(IndexedMessages.plain("invoice", "请查收发票", "本季度发票金额合计一万元。"));
        index.upsert(IndexedMessages.plain("contract", "合同", "我们已经签订合同，附件是发票Q3汇总。"));
        index.upsert(IndexedMessages.plain("alliance", "联合同盟", "联合同盟会议纪要"));
        index.upsert(IndexedMessages.plain("signed", "附件", "双方昨天签订合同，请查收。"));
        index.upsert(IndexedMessages.plain("league", "会议", "下周召开联合同盟大会。"));
        index.upsert(IndexedMessages.plain("library", "Library", "图书馆的书很多"));
        index.upsert(IndexedMessages.plain("fullwidth", "ＡＢＣ公司", "型号ＸＹ１２３，数量２０２４年"));
        index.upsert(IndexedMessages.plain("wrapped", "报告", "这是一份关于年度预\r\n算审批流程的说明"));
        index.upsert(IndexedMessages.plain("english", "Quarterly iPhone15 review", "The Reconciliation is done."));
        index.upsert(new MessageDocument("attach", "a", "INBOX", 1, 1, "", "", "", List.of(), List.of(), List.of(),
                List.of(), "", null, 1, null, List.of(new AttachmentDoc("a.txt", "text/plain", 1, "甲乙丙 预算", ""),
                        new AttachmentDoc("b.txt", "text/plain", 1, "审批 丁", "")), "", null, null, false));
        index.upsert(new MessageDocument("people", "a", "INBOX", 1, 2, "", "", "", List.of(),
                List.of(new Address("Billing@Mail.Vendor.Example", "张伟")), List.of(new Address("x@corp.example", "Li Na")),
                List.of(), "", null, 1, null, List.of(new AttachmentDoc("年度Q3_报价单.v2.pdf", "application/pdf", 1, "", "")),
                "", null, null, false));
        index.refresh();
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void findsChineseWordsOfEveryLengthInsideLongerRuns() {
        assertThat(find("票")).containsExactlyInAnyOrder("invoice", "contract");
        assertThat(find("发票")).containsExactlyInAnyOrder("invoice", "contract");
        assertThat(find("发票金")).containsExactly("invoice");
        assertThat(find("发票金额")).containsExactly("invoice");
        assertThat(find("一万元")).containsExactly("invoice");
        assertThat(find("书")).containsExactly("library");
    }

    @Test
    void charactersThatAreNotInARowDoNotMatch() {
        assertThat(find("发金")).isEmpty();
        assertThat(find("票发")).isEmpty();
    }

    @Test
    void findsMixedChineseAndLatinWhicheverSideTheChineseIsOn() {
        assertThat(find("发票Q3")).containsExactly("contract");
        assertThat(find("票Q3汇")).containsExactly("contract");
        assertThat(find("q3汇总")).containsExactly("contract");
        assertThat(find("iphone15")).containsExactly("english");
        assertThat(find("RECONCILIATION")).containsExactly("english");
    }

    @Test
    void fullWidthAndHalfWidthFindEachOther() {
        assertThat(find("ABC")).containsExactly("fullwidth");
        assertThat(find("abc公司")).containsExactly("fullwidth");
        assertThat(find("ＸＹ１２３")).containsExactly("fullwidth");
        assertThat(find("xy123")).containsExactly("fullwidth");
        assertThat(find("2024年")).containsExactly("fullwidth");
    }

    @Test
    void findsAWordThatAMailWrapSplitAcrossLines() {
        assertThat(find("预算审批流程")).containsExactly("wrapped");
    }

    @Test
    void aPhraseNeverSpansTwoAttachments() {
        // "wrapped" has 预算审批 in a row (a space between Chinese words is not a boundary); "attach" has
        // 预算 at the end of one attachment and 审批 at the start of the next
        assertThat(find("预算 审批")).containsExactly("wrapped");
        assertThat(find("甲乙丙 预算")).containsExactly("attach");
        assertThat(find("审批")).containsExactlyInAnyOrder("wrapped", "attach");
    }

    @Test
    void findsPeopleByNameOrAddressAndAttachmentsByAnyPartOfTheirName() {
        assertThat(find("张伟")).containsExactly("people");
        assertThat(find("billing")).containsExactly("people");
        assertThat(find("li na")).containsExactly("people");
        assertThat(find("报价单")).containsExactly("people");
        assertThat(find("v2")).containsExactly("people");
        assertThat(ids(TEXT.in("pdf", List.of(Fields.ATTACHMENT_NAME_TEXT)).orElseThrow())).containsExactly("people");
    }

    @Test
    void searchesOnlyTheFieldsAskedFor() {
        Query q = TEXT.in("发票", List.of(Fields.SUBJECT)).orElseThrow();
        assertThat(ids(q)).containsExactly("invoice");
    }

    @Test
    void aWholeWordRanksAboveTheSameCharactersInsideOtherWords() {
        // 合同 is a word in "contract" and only two characters in a row in 联合同盟 (联合 + 同盟)
        List<String> ranked = index.search(TEXT.anywhere("合同").orElseThrow(), 10, null).hits().stream()
                .map(h -> h.message().id()).toList();
        assertThat(ranked).containsExactlyInAnyOrder("contract", "alliance", "signed", "league")
                .containsSubsequence("contract", "alliance").containsSubsequence("signed", "league");
    }

    @Test
    void aWholeWordRanksAboveTheSameCharactersInsideOtherWordsInTheBodyToo() {
        List<String> ranked = index.search(TEXT.in("合同", List.of(Fields.BODY)).orElseThrow(), 10, null).hits()
                .stream().map(h -> h.message().id()).toList();
        assertThat(ranked).hasSize(4);
        assertThat(ranked.subList(0, 2)).containsExactlyInAnyOrder("contract", "signed");
        assertThat(ranked.subList(2, 4)).containsExactlyInAnyOrder("alliance", "league");
    }

    @Test
    void textWithoutAWordIsNoQuery() {
        assertThat(TEXT.anywhere("，。 !?")).isEmpty();
        assertThat(TEXT.anywhere("")).isEmpty();
    }

    private static List<String> find(String typed) {
        return ids(TEXT.anywhere(typed).orElseThrow());
    }

    private static List<String> ids(Query q) {
        return index.search(q, 100, null).hits().stream().map(h -> h.message().id()).toList();
    }
}
