package io.mailwarden.archive.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailwarden.message.Address;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveIndexTest {

    private static final Duration HOURLY = Duration.ofHours(1);

    @TempDir
    Path dir;

    private ArchiveIndex index;

    @BeforeEach
    void open() {
        index = ArchiveIndex.open(dir.resolve("lucene"), HOURLY);
    }

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void getGivesBackEveryFieldAsUpserted() {
        MessageDocument m = IndexedMessages.full("acct/inbox/1/42");
        index.upsert(m);
        index.refresh();
        assertThat(index.get("acct/inbox/1/42")).contains(m);
        assertThat(index.get("nope")).isEmpty();
    }

    @Test
    void upsertReplacesTheDocumentWithTheSameId() {
        index.upsert(IndexedMessages.plain("m1", "first", "x"));
        index.upsert(IndexedMessages.plain("m1", "second", "x"));
        index.upsert(IndexedMessages.plain("m2", "other", "x"));
        index.refresh();
        assertThat(index.count()).isEqualTo(2);
        assertThat(index.get("m1").orElseThrow().subject()).isEqualTo("second");
    }

    @Test
    void deleteRemovesAndIdsAndHashesFollow() {
        index.upsert(IndexedMessages.plain("m1", "a", "x"));
        index.upsert(IndexedMessages.plain("m22", "b", "x"));
        index.delete("m1");
        index.refresh();
        assertThat(index.ids()).containsExactly("m22");
        assertThat(index.hashesById()).containsEntry("m22", "0".repeat(63) + "3");
        assertThat(index.contentHashes()).containsExactly("0".repeat(63) + "3");
    }

    @Test
    void hitsCarryTheStoredFieldsButNotTheTexts() {
        MessageDocument m = IndexedMessages.full("m1");
        index.upsert(m);
        index.refresh();
        SearchResult result = index.search(new MatchAllDocsQuery(), 10, ArchiveIndex.NEWEST_FIRST);
        assertThat(result.total()).isEqualTo(1);
        assertThat(result.exact()).isTrue();
        MessageDocument hit = result.hits().get(0).message();
        assertThat(hit.body()).isEmpty();
        assertThat(hit.attachments()).extracting(AttachmentDoc::text).containsOnly("");
        assertThat(hit.attachments()).extracting(AttachmentDoc::name, AttachmentDoc::problem)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2026年Q3_报价单.v2.pdf", ""),
                        org.assertj.core.groups.Tuple.tuple("secret.pdf", "encrypted"));
        assertThat(hit.from()).isEqualTo(m.from());
        assertThat(hit.to()).isEqualTo(m.to());
        assertThat(hit.subject()).isEqualTo(m.subject());
        assertThat(hit.date()).isEqualTo(m.date());
        assertThat(hit.flags()).isEqualTo(m.flags());
    }

    @Test
    void deletedOnServerIsUpdatedInPlaceAndSearchable() {
        index.upsert(IndexedMessages.full("m1"));
        index.upsert(IndexedMessages.plain("m2", "a", "x"));
        index.setDeletedOnServer("m1", true);
        index.setDeletedOnServer("unknown", true);
        index.refresh();
        assertThat(index.get("m1").orElseThrow().deletedOnServer()).isTrue();
        assertThat(index.get("m1").orElseThrow().body()).contains("发票");
        assertThat(ids(NumericDocValuesField.newSlowExactQuery(Fields.DELETED_ON_SERVER, 1))).containsExactly("m1");
        index.setDeletedOnServer("m1", false);
        index.refresh();
        assertThat(index.get("m1").orElseThrow().deletedOnServer()).isFalse();
    }

    @Test
    void newestFirstPutsUndatedMessagesLast() {
        MessageDocument p = IndexedMessages.plain("old", "", "");
        index.upsert(p);
        index.upsert(withDate(IndexedMessages.plain("new", "", ""), Instant.parse("2026-04-01T00:00:00Z")));
        index.upsert(withDate(IndexedMessages.plain("undated", "", ""), null));
        index.refresh();
        assertThat(index.search(new MatchAllDocsQuery(), 10, ArchiveIndex.NEWEST_FIRST).hits())
                .extracting(h -> h.message().id()).containsExactly("new", "old", "undated");
    }

    @Test
    void becomesSearchableWithoutAnExplicitRefresh() throws InterruptedException {
        index.upsert(IndexedMessages.plain("m1", "a", "x"));
        // the background reopen runs at least every second; 20 s only absorbs a stalled machine
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (index.count() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(index.count()).isEqualTo(1);
    }

    @Test
    void aStreamOfChangesStillBecomesSearchableWhileItGoesOn() {
        // a backfill's stream is reopened less often than a trickle, but never only once it stops
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int n = 0;
        while (index.count() == 0 && System.nanoTime() < deadline) {
            index.upsert(IndexedMessages.plain("s" + n++, "a", "x"));
        }
        assertThat(index.count()).isPositive();
    }

    @Test
    void commitsOnTheTimer() throws Exception {
        index.close();
        index = ArchiveIndex.open(dir.resolve("lucene"), Duration.ofMillis(100));
        index.upsert(IndexedMessages.plain("m1", "a", "x"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (committedDocs(dir.resolve("lucene")) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(committedDocs(dir.resolve("lucene"))).isEqualTo(1);
    }

    @Test
    void aCrashKeepsWhatWasCommittedAndTheIndexStillOpens() throws IOException {
        index.upsert(IndexedMessages.plain("committed", "a", "x"));
        index.commit();
        index.upsert(IndexedMessages.plain("later", "b", "x"));
        index.refresh();
        // the files as a kill -9 would leave them: copied while the writer is open, lock and all
        Path crashed = dir.resolve("crashed");
        Files.createDirectories(crashed);
        try (Stream<Path> files = Files.list(dir.resolve("lucene"))) {
            for (Path f : files.toList()) {
                Files.copy(f, crashed.resolve(f.getFileName()));
            }
        }
        try (ArchiveIndex reopened = ArchiveIndex.open(crashed, HOURLY)) {
            assertThat(reopened.lastWriterDied()).as("the crashed writer's mark is there").isTrue();
            assertThat(reopened.ids()).containsExactly("committed");
            assertThat(reopened.committedAt()).isPresent();
            reopened.upsert(IndexedMessages.plain("later", "b", "x"));
            reopened.refresh();
            assertThat(reopened.ids()).containsExactlyInAnyOrder("committed", "later");
        }
        try (ArchiveIndex notRepaired = ArchiveIndex.open(crashed, HOURLY)) {
            assertThat(notRepaired.lastWriterDied()).as("closed without being told it was repaired").isTrue();
            notRepaired.repaired();
        }
        try (ArchiveIndex afterARepair = ArchiveIndex.open(crashed, HOURLY)) {
            assertThat(afterARepair.lastWriterDied()).isFalse();
        }
    }

    @Test
    void closeCommitsAndReopenKeepsEverything() {
        index.upsert(IndexedMessages.full("m1"));
        Instant beforeClose = Instant.now().minusSeconds(1);
        index.close();
        index = ArchiveIndex.open(dir.resolve("lucene"), HOURLY);
        assertThat(index.lastWriterDied()).isFalse();
        assertThat(index.get("m1")).contains(IndexedMessages.full("m1"));
        assertThat(index.committedAt()).get().matches(at -> at.isAfter(beforeClose));
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> ArchiveIndex.open(dir.resolve("lucene"), HOURLY))
                .isInstanceOf(IndexException.class)
                .hasMessageContaining(dir.resolve("lucene").toString())
                .hasMessageContaining("in use by another process");
    }

    @Test
    void aDamagedIndexSaysToReindex() throws IOException {
        index.upsert(IndexedMessages.plain("m1", "a", "x"));
        index.close();
        Path lucene = dir.resolve("lucene");
        try (Stream<Path> files = Files.list(lucene)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("segments_")).toList()) {
                Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
            }
        }
        assertThatThrownBy(() -> ArchiveIndex.open(lucene, HOURLY))
                .isInstanceOf(IndexException.class)
                .hasMessageContaining(lucene.toString())
                .hasMessageContaining("mailwarden reindex");
        index = ArchiveIndex.open(dir.resolve("fresh"), HOURLY);
    }

    @Test
    void aSnapshotKeepsItsFilesUntilReleased() throws IOException {
        index.upsert(IndexedMessages.plain("m1", "a", "x"));
        index.commit();
        IndexCommit snapshot = index.snapshot();
        Set<String> pinned = new HashSet<>(snapshot.getFileNames());
        index.delete("m1");
        index.upsert(IndexedMessages.plain("m2", "b", "x"));
        index.commit();
        index.commit();
        Path lucene = dir.resolve("lucene");
        assertThat(pinned).allMatch(f -> Files.exists(lucene.resolve(f)));
        try (DirectoryReader old = DirectoryReader.open(snapshot)) {
            assertThat(old.numDocs()).isEqualTo(1);
        }
        index.release(snapshot);
        assertThat(pinned).anyMatch(f -> !Files.exists(lucene.resolve(f)));
    }

    @Test
    void exactFieldsFindWhatPeopleTypeInThem() {
        index.upsert(IndexedMessages.full("m1"));
        index.upsert(IndexedMessages.plain("m2", "a", "x"));
        index.refresh();
        assertThat(ids(term(Fields.FROM, Fields.exact("billing@mail.vendor.example")))).containsExactly("m1");
        assertThat(ids(term(Fields.FROM_DOMAIN, "vendor.example"))).containsExactly("m1");
        assertThat(ids(term(Fields.FROM_DOMAIN, "mail.vendor.example"))).containsExactly("m1");
        assertThat(ids(term(Fields.FOLDER, "其他文件夹/发票"))).containsExactly("m1");
        assertThat(ids(term(Fields.ATTACHMENT_NAME, "2026年q3_报价单.v2.pdf"))).containsExactly("m1");
        assertThat(ids(term(Fields.ATTACHMENT_TYPE, "application/pdf"))).containsExactly("m1");
        assertThat(ids(term(Fields.FLAG, "\\seen"))).containsExactly("m1");
        assertThat(ids(term(Fields.RULE, "invoices-to-finance"))).containsExactly("m1");
        assertThat(ids(term(Fields.THREAD, "m40@corp.example"))).containsExactly("m1");
        assertThat(ids(term(Fields.MESSAGE_ID, "m42@vendor.example"))).containsExactly("m1");
        assertThat(ids(org.apache.lucene.document.IntPoint.newRangeQuery(Fields.ATTACHMENT_COUNT, 1, Integer.MAX_VALUE)))
                .containsExactly("m1");
        assertThat(ids(org.apache.lucene.document.LongPoint.newRangeQuery(Fields.DATE,
                Instant.parse("2026-03-10T00:00:00Z").toEpochMilli(), Long.MAX_VALUE))).containsExactly("m1");
        assertThat(ids(org.apache.lucene.document.LongPoint.newRangeQuery(Fields.SIZE, 10_000, Long.MAX_VALUE)))
                .containsExactly("m1");
    }

    @Test
    void valuesOverLucenesTermLimitAreIndexedCutNotRefused() {
        // Lucene refuses a term over 32,766 bytes, failing the whole document: such a message stopped its folder's backfill
        String huge = "中".repeat(12_000) + "x".repeat(20_000);
        String id = huge + "@vendor.example";
        MessageDocument m = new MessageDocument("m1", "a", "INBOX", 1, 1, "ab".repeat(32), "<" + id + ">", "<" + id + ">",
                List.of(id), List.of(new Address(huge + "@" + huge + ".example", huge)), List.of(), List.of(), huge, null,
                1, Set.of("$" + huge), List.of(new AttachmentDoc(huge + ".pdf", "application/" + huge, 1, "", "")), "body",
                List.of(huge), List.of(), false);

        index.upsert(m);
        index.refresh();

        assertThat(ids(term(Fields.MESSAGE_ID, Fields.messageId("<" + id + ">")))).containsExactly("m1");
        assertThat(ids(term(Fields.THREAD, Fields.messageId(id)))).containsExactly("m1");
        assertThat(ids(term(Fields.FROM, Fields.exact(huge + "@" + huge + ".example")))).containsExactly("m1");
        assertThat(ids(term(Fields.ATTACHMENT_NAME, Fields.exact(huge + ".pdf")))).containsExactly("m1");
        assertThat(Fields.exact(huge)).hasSize(Fields.MAX_EXACT_CHARS);
        // a cut never leaves half of a surrogate pair: here the limit falls inside the last pair that would fit
        String emoji = Fields.exact("a" + "😀".repeat(Fields.MAX_EXACT_CHARS));
        assertThat(emoji).hasSize(Fields.MAX_EXACT_CHARS - 1).endsWith("😀");
        assertThat(index.get("m1").orElseThrow().subject()).isEqualTo(huge);
    }

    @Test
    void problemsAreSearchableWords() {
        index.upsert(IndexedMessages.full("m1"));
        index.upsert(IndexedMessages.plain("m2", "a", "x"));
        index.refresh();
        TextQueries text = new TextQueries();
        assertThat(ids(text.in("encrypted", List.of(Fields.PROBLEM)).orElseThrow())).containsExactly("m1");
        assertThat(ids(text.in("truncated", List.of(Fields.PROBLEM)).orElseThrow())).containsExactly("m1");
    }

    private List<String> ids(org.apache.lucene.search.Query q) {
        return index.search(q, 100, ArchiveIndex.NEWEST_FIRST).hits().stream().map(h -> h.message().id()).toList();
    }

    private static TermQuery term(String field, String value) {
        return new TermQuery(new Term(field, value));
    }

    private static int committedDocs(Path path) throws IOException {
        try (FSDirectory d = FSDirectory.open(path); DirectoryReader r = DirectoryReader.open(d)) {
            return r.numDocs();
        }
    }

    private static MessageDocument withDate(MessageDocument m, Instant date) {
        return new MessageDocument(m.id(), m.account(), m.folder(), m.uidValidity(), m.uid(), m.contentHash(),
                m.messageId(), m.inReplyTo(), m.references(), m.from(), m.to(), m.cc(), m.subject(), date, m.size(),
                m.flags(), m.attachments(), m.body(), m.rules(), m.problems(), m.deletedOnServer());
    }
}
