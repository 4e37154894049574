package io.mailwarden.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.AttachmentDoc;
import io.mailwarden.archive.index.MessageDocument;
import io.mailwarden.archive.index.ReadOnlyIndex;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.Address;
import io.mailwarden.search.Search.Order;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveSearchTest {

    @TempDir
    static Path data;

    static ArchiveIndex index;
    static ArchiveSearch search;
    static String rawHash;

    static final Clock NOW = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);

    static final String RAW = """
            From: =?UTF-8?B?5byg5Lyf?= <billing@mail.vendor.example>
            To: finance@corp.example
            Subject: invoice
            Message-ID: <m1@vendor.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain; charset=UTF-8

            see attached
            --b
            Content-Type: text/csv; name=data.csv
            Content-Disposition: attachment; filename=data.csv
            Content-Transfer-Encoding: base64

            YSxiCjEsMgo=
            --b--
            """.replace("\n", "\r\n");

    @BeforeAll
    static void build() throws Exception {
        RawStore store = new RawStore(data);
        rawHash = store.put(RAW.getBytes(StandardCharsets.US_ASCII)).hash();
        index = ArchiveIndex.open(data.resolve("lucene"), Duration.ofMinutes(5));
        index.upsert(doc("m1", "Q3增值税发票 from the vendor", "请查收附件中的发票。", "2026-03-15T09:00:00Z",
                List.of(new Address("billing@mail.vendor.example", "张伟")), Set.of("\\Seen"), 48_000,
                List.of(new AttachmentDoc("data.csv", "text/csv", 8, "合同编号 a,b", "")), List.of("invoices"), rawHash));
        index.upsert(doc("m2", "Lunch <script>alert(1)</script>", "Menu: <script>alert('x')</script> and 发票 too",
                "2026-03-20T09:00:00Z", List.of(new Address("bob@friends.example", "Bob")), Set.of(), 2_000, List.of(),
                List.of(), "ab".repeat(32)));
        index.upsert(doc("m3", "annual budget review", "the annual budget is attached", "2025-12-01T09:00:00Z",
                List.of(new Address("cfo@corp.example", "CFO")), Set.of("\\Seen", "\\Flagged"), 6_000_000, List.of(),
                List.of(), "cd".repeat(32)));
        index.commit();
        index.refresh();
        search = new ArchiveSearch(() -> index, store, NOW);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    static MessageDocument doc(String id, String subject, String body, String date, List<Address> from,
            Set<String> flags, long size, List<AttachmentDoc> attachments, List<String> rules, String hash) {
        return new MessageDocument(id, "finance", "INBOX", 1, id.hashCode() & 0xffff, hash, id + "@x", "", List.of(),
                from, List.of(new Address("finance@corp.example", "")), List.of(), subject, Instant.parse(date), size,
                flags, attachments, body, rules, List.of(), false);
    }

    private static List<String> ids(String query) {
        return search.search(query, 10, 0, Order.DATE).hits().stream().map(Hit::id).toList();
    }

    @Test
    void findsChineseWordsInSubjectBodyAndAttachmentText() {
        assertThat(ids("发票")).containsExactly("m2", "m1");
        assertThat(ids("subject:增值税发票")).containsExactly("m1");
        assertThat(ids("attachment:\"合同编号\"")).containsExactly("m1");
        assertThat(ids("body:发票 -subject:lunch")).containsExactly("m1");
    }

    @Test
    void findsSendersByDomainAddressAndName() {
        assertThat(ids("from:vendor.example")).containsExactly("m1");
        assertThat(ids("from:BILLING@mail.vendor.example")).containsExactly("m1");
        assertThat(ids("from:张伟")).containsExactly("m1");
        assertThat(ids("from:bob OR from:cfo@corp.example")).containsExactly("m2", "m3");
    }

    @Test
    void filtersByDateFlagsSizeRuleAndAttachments() {
        assertThat(ids("after:2026-03-16")).containsExactly("m2");
        assertThat(ids("before:2026/03/15")).containsExactly("m3");
        assertThat(ids("newer_than:30d")).containsExactly("m2", "m1");
        assertThat(ids("older_than:3m")).containsExactly("m3");
        assertThat(ids("is:unread")).containsExactly("m2");
        assertThat(ids("is:flagged")).containsExactly("m3");
        assertThat(ids("larger:5M")).containsExactly("m3");
        assertThat(ids("smaller:10K")).containsExactly("m2");
        assertThat(ids("rule:Invoices")).containsExactly("m1");
        assertThat(ids("has:attachment")).containsExactly("m1");
        assertThat(ids("filename:csv")).containsExactly("m1");
        assertThat(ids("folder:inbox account:finance")).containsExactly("m2", "m1", "m3");
    }

    @Test
    void onlyExclusionsMatchEverythingElse() {
        assertThat(ids("-is:read")).containsExactly("m2");
        assertThat(ids("-发票 -budget")).isEmpty();
        assertThat(ids("")).containsExactly("m2", "m1", "m3");
    }

    @Test
    void sortsByDateOrRelevanceAndPages() {
        assertThat(ids("annual OR 发票")).containsExactly("m2", "m1", "m3");
        SearchPage relevant = search.search("budget OR lunch", 10, 0, Order.RELEVANCE);
        assertThat(relevant.total()).isEqualTo(2);
        SearchPage second = search.search("", 1, 1, Order.DATE);
        assertThat(second.hits()).extracting(Hit::id).containsExactly("m1");
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.exact()).isTrue();
        assertThatThrownBy(() -> search.search("", 101, 0, Order.DATE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snippetsAreHtmlEscapedWithOnlyMarksAdded() {
        Hit hit = search.search("发票 from:bob", 10, 0, Order.DATE).hits().getFirst();
        assertThat(hit.snippetHtml()).contains("<mark>发票</mark>").doesNotContain("<script>").contains("&lt;script&gt;");
        Hit budget = search.search("budget", 10, 0, Order.DATE).hits().getFirst();
        assertThat(budget.snippetHtml()).contains("<mark>budget</mark>");
    }

    @Test
    void snippetMarksAWordFoundOnlyInAttachmentTextOrSubjectAndShowsTheBodyStartOtherwise() {
        assertThat(search.search("合同", 10, 0, Order.DATE).hits().getFirst().snippetHtml())
                .isEqualTo("<mark>合同</mark>编号 a,b");
        assertThat(search.search("增值税", 10, 0, Order.DATE).hits().getFirst().snippetHtml())
                .isEqualTo("Q3<mark>增值税</mark>发票 from the vendor");
        assertThat(search.search("from:bob", 10, 0, Order.DATE).hits().getFirst().snippetHtml())
                .startsWith("Menu: &lt;script&gt;").doesNotContain("<mark>");
        assertThat(search.search("\"annual budget\"", 10, 0, Order.DATE).hits().getFirst().snippetHtml())
                .contains("<mark>annual</mark> <mark>budget</mark>");
    }

    @Test
    void malformedValuesAreSyntaxErrors() {
        assertThatThrownBy(() -> search.search("after:March", 10, 0, Order.DATE)).isInstanceOf(QuerySyntaxException.class)
                .hasMessage("after: needs a date like 2026-03-01, not 'March' (at 1)");
        assertThatThrownBy(() -> search.search("x larger:huge", 10, 0, Order.DATE))
                .hasMessageContaining("larger: needs a size like 5M or 200K, not 'huge' (at 3)");
        assertThatThrownBy(() -> search.search("is:lost", 10, 0, Order.DATE)).hasMessageContaining("is: can be unread");
        assertThatThrownBy(() -> search.search("older_than:soon", 10, 0, Order.DATE)).hasMessageContaining("30d");
    }

    @Test
    void aQueryOverLucenesClauseLimitIsASyntaxErrorNotAFailure() {
        String words = "word ".repeat(3_000);
        String phrase = "\"" + "发票".repeat(3_000) + "\"";

        for (String query : new String[] {words, phrase}) {
            assertThatThrownBy(() -> search.search(query, 10, 0, Order.DATE)).isInstanceOf(QuerySyntaxException.class)
                    .hasMessageStartingWith("the query has too many terms: at most 1024");
            assertThatThrownBy(() -> search.ids(query)).isInstanceOf(QuerySyntaxException.class);
        }
    }

    @Test
    void showsTheMessageItsRawBytesAndAttachments() throws Exception {
        MessageView view = search.message("m1").orElseThrow();
        assertThat(view.parts()).extracting(MessageView.Part::text).containsExactly("请查收附件中的发票。", "合同编号 a,b");
        assertThat(view.rules()).containsExactly("invoices");
        assertThat(view.status()).isEqualTo("present");
        try (var raw = search.raw("m1").orElseThrow()) {
            assertThat(new String(raw.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo(RAW);
        }
        AttachmentContent csv = search.attachment("m1", 0).orElseThrow();
        assertThat(csv.filename()).isEqualTo("data.csv");
        try (var content = csv.content()) {
            assertThat(new String(content.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("a,b\n1,2\n");
        }
        assertThat(search.attachment("m1", 1)).isEmpty();
        assertThat(search.message("nope")).isEmpty();
    }

    @Test
    void readOnlyViewSeesWhatTheOpenWriterCommitted() {
        try (ReadOnlyIndex view = ReadOnlyIndex.open(data.resolve("lucene"))) {
            ArchiveSearch readOnly = new ArchiveSearch(() -> view, new RawStore(data), NOW);
            assertThat(readOnly.search("budget", 10, 0, Order.DATE).total()).isEqualTo(1);
            index.upsert(doc("m4", "budget draft", "", "2026-03-30T09:00:00Z", List.of(), Set.of(), 10, List.of(),
                    List.of(), "ef".repeat(32)));
            index.commit();
            view.refresh();
            assertThat(readOnly.search("budget", 10, 0, Order.DATE).hits()).extracting(Hit::id).containsExactly("m4", "m3");
        } finally {
            index.delete("m4");
            index.commit();
            index.refresh();
        }
    }
}
