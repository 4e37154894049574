package io.mailwarden.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.Fields;
import io.mailwarden.archive.index.IndexHit;
import io.mailwarden.archive.index.ReadOnlyIndex;
import io.mailwarden.archive.index.TextQueries;
import io.mailwarden.message.FolderSource;
import io.mailwarden.message.MailboxException;
import io.mailwarden.message.MessageArrived;
import io.mailwarden.message.MessageRef;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.ArchivedLocation.Status;
import io.mailwarden.state.ContentHash;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ArchiveBackfillTest {

    @RegisterExtension
    final ArchiveHarness h = new ArchiveHarness();

    private static byte[][] samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("samples/mail"))) {
            List<Path> sorted = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
            byte[][] out = new byte[sorted.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = Files.readAllBytes(sorted.get(i));
            }
            return out;
        }
    }

    @Test
    void archivesEveryMessageWholeWithoutMarkingItRead() throws Exception {
        h.append("INBOX", samples());

        Backfill.Result r = h.backfill();

        List<byte[]> server = h.serverRaw("INBOX");
        assertThat(r.archived()).isEqualTo(server.size()).isEqualTo(samples().length);
        for (byte[] raw : server) {
            assertThat(h.store.read(ContentHash.of(raw))).as("stored byte for byte").isEqualTo(raw);
        }
        assertThat(h.allUnseen("INBOX")).as("backfill never marks mail read").isTrue();
        assertThat(h.state.archive.count()).isEqualTo(server.size());
    }

    @Test
    void findsChineseWordsInSubjectsBodiesAndAttachments() throws Exception {
        h.append("INBOX", samples());
        h.append("财务/发票", mailWithDocx("季度报告", "请查收附件。", "本季度增值税发票共计十二张"));

        h.backfill();

        assertThat(subjects(h.search("十二张"))).containsExactly("季度报告"); // only in the DOCX's text
        assertThat(subjects(h.search("增值税发票"))).contains("季度报告");
        assertThat(h.search("发票")).extracting(hit -> hit.message().folder()).contains("财务/发票", "INBOX");
        assertThat(subjects(h.search("项目进度"))).isNotEmpty(); // sample 11's subject, UTF-8 encoded-word
        assertThat(subjects(h.search("Zhangsan Trading"))).containsExactly("三月份增值税发票"); // sample 1's PDF
        assertThat(subjects(h.search("有效期"))).containsExactly("合同审批：年度框架协议"); // sample 3's DOCX
    }

    @Test
    void sameMessageInTwoFoldersIsStoredOnceAndFoundInBoth() throws Exception {
        byte[] raw = plain("<same@x>", "Budget 2027", "the same bytes twice");
        h.append("INBOX", raw);
        h.append("Archive", raw);

        h.backfill();

        try (var hashes = h.store.hashes()) {
            assertThat(hashes.count()).isEqualTo(1);
        }
        assertThat(h.search("Budget")).extracting(hit -> hit.message().folder())
                .containsExactlyInAnyOrder("INBOX", "Archive");
    }

    @Test
    void messageARuleMovedGetsItsUidWhenTheBackfillReadsItsNewFolder() throws Exception {
        byte[] raw = plain("<moved@x>", "Quarterly figures", "moved by a rule");
        MessageRef was = new MessageRef("corp", "INBOX", 1, 1);
        h.archive.moved(new MessageArrived(was, raw, Set.of("seen"), Set.of(), null, false), "Archive", List.of("file-it"));
        h.append("Archive", raw);

        h.backfill();

        List<ArchivedLocation> places = new ArrayList<>();
        h.state.archive.forEach(places::add);
        assertThat(places).singleElement().satisfies(p -> {
            assertThat(p.folder()).isEqualTo("Archive");
            assertThat(p.uid()).isEqualTo(1);
            assertThat(p.rules()).containsExactly("file-it");
        });
        assertThat(h.search("Quarterly")).hasSize(1);
        assertThat(h.verify(false).ok()).isTrue();
    }

    @Test
    void resumesAfterACrashWithoutLosingOrDuplicating() throws Exception {
        for (int i = 1; i <= 10; i++) {
            h.append("INBOX", plain("<m" + i + "@x>", "message " + i, "body " + i));
        }
        AtomicInteger indexed = new AtomicInteger();
        h.reopen(real -> new CheckedIndexer(real, place -> {
            if (indexed.incrementAndGet() == 6) {
                throw new IOException("disk full (injected)");
            }
        }));
        assertThatThrownBy(h::backfill).hasMessageContaining("cannot archive a message of corp/INBOX");
        h.index.commit(); // the failure stopped the workers without interrupting them: the index writer is intact

        h.reopen(real -> real); // the restart: repair indexes what the crash left catalogued but unindexed
        h.check().repair(h.indexer);
        h.backfill();
        h.index.refresh();

        assertThat(h.state.archive.count()).isEqualTo(10);
        assertThat(h.index.count()).isEqualTo(10);
        assertThat(h.verify(true).ok()).isTrue();
    }

    @Test
    void indexesEachMessageOnlyOnceItsBytesAreStored() throws Exception {
        for (int i = 1; i <= 40; i++) {
            h.append("INBOX", plain("<s" + i + "@x>", "stored " + i, "body " + i));
        }
        List<String> indexedUnstored = new java.util.concurrent.CopyOnWriteArrayList<>();
        h.reopen(real -> new CheckedIndexer(real, place -> {
            if (!h.store.intact(place.contentHash())) { // stored ahead on other threads: must be there, whole
                indexedUnstored.add(place.id());
            }
        }));

        h.backfill(new Backfill.Options(7, 1 << 20, 2));

        assertThat(indexedUnstored).isEmpty();
        assertThat(h.state.archive.count()).isEqualTo(40);
    }

    @Test
    void aMessageThatCannotBeStoredFailsItsBatchAndTheNextRunArchivesIt() throws Exception {
        byte[] blocked = plain("<b2@x>", "blocked", "cannot be stored yet");
        h.append("INBOX", plain("<b1@x>", "first", "one"), blocked, plain("<b3@x>", "third", "three"));
        String hash = ContentHash.of(blocked);
        Path dir = h.store.path(hash).getParent().getParent();
        Files.createDirectories(dir.getParent());
        Files.writeString(dir, "a file where the store needs a directory");

        assertThatThrownBy(h::backfill).hasMessageContaining("cannot archive a message of corp/INBOX");
        assertThat(h.state.archive.count()).as("the batch was not recorded").isZero();

        Files.delete(dir);
        h.reopen(real -> real);
        h.check().repair(h.indexer);
        h.backfill();
        h.index.refresh();

        assertThat(h.state.archive.count()).isEqualTo(3);
        assertThat(h.search("blocked")).hasSize(1);
        assertThat(h.verify(true).ok()).isTrue();
    }

    @Test
    void aMessageThatCannotBeIndexedIsKeptFoundByItsProblemAndTheBackfillGoesPastIt() throws Exception {
        String subject = "=?UTF-8?B?" + Base64.getEncoder().encodeToString("毒丸 poison pill".getBytes(StandardCharsets.UTF_8))
                + "?=";
        byte[] poison = plain("<p2@x>", subject, "the parser trips on this one");
        h.append("INBOX", plain("<p1@x>", "first", "one"), poison, plain("<p3@x>", "third", "three"));
        h.extraction = real -> raw -> {
            if (new String(raw.head(), StandardCharsets.ISO_8859_1).contains("<p2@x>")) {
                throw new IllegalStateException("a parser bug");
            }
            return real.apply(raw);
        };
        h.reopen(real -> real);

        assertThat(h.backfill().archived()).isEqualTo(3);

        List<IndexHit> hits = h.search("poison");
        assertThat(hits).hasSize(1);
        assertThat(hits.getFirst().message().problems()).singleElement().asString()
                .startsWith(Unindexable.PROBLEM).contains("a parser bug");
        assertThat(hits.getFirst().message().messageId()).isEqualTo("p2@x");
        assertThat(hits.getFirst().message().subject()).isEqualTo("毒丸 poison pill");
        assertThat(h.search("毒丸")).hasSize(1);
        assertThat(h.index.search(new TextQueries().in("could not be indexed", List.of(Fields.PROBLEM)).orElseThrow(),
                10, ArchiveIndex.NEWEST_FIRST).hits()).as("what problem:indexed finds").hasSize(1);
        assertThat(Unindexable.count(h.index)).as("what verify notes").isEqualTo(1);
        assertThat(h.search("three")).as("the messages after it are indexed in full").hasSize(1);
        assertThat(h.store.read(ContentHash.of(h.serverRaw("INBOX").get(1)))).as("kept byte for byte")
                .isEqualTo(h.serverRaw("INBOX").get(1));
        assertThat(h.verify(true).ok()).isTrue();
        assertThat(h.backfill().archived()).as("its folder's progress went past it").isZero();
    }

    @Test
    void aFailingIndexStillFailsTheBatchInsteadOfIndexingMessagesByTheirPlace() throws Exception {
        h.append("INBOX", plain("<c1@x>", "first", "one"));
        h.index.close();

        assertThatThrownBy(h::backfill).hasMessageContaining("cannot archive a message of corp/INBOX");
        assertThat(h.state.archive.count()).as("the batch was not recorded").isZero();
    }

    @Test
    void aFolderTheServerNoLongerHasIsSkippedAndTheOthersAreArchived() throws Exception {
        h.append("INBOX", plain("<f1@x>", "inbox mail", "one"));
        h.append("Archive", plain("<f2@x>", "archived mail", "two"));

        // LIST named it, then it was gone by the time it was opened (another client deleted it)
        Backfill.Result r = h.backfill(new Backfill.Options(3, 1 << 20, 2),
                real -> new TroubledSource(real, List.of("Deleted meanwhile"), -1));

        assertThat(r.skipped()).singleElement().asString().startsWith("Deleted meanwhile: ").contains("no longer");
        assertThat(r.archived()).isEqualTo(2);
        assertThat(h.search("archived")).hasSize(1);
    }

    @Test
    void keepsTheBatchesFetchedBeforeTheConnectionDroppedAndReadsOnlyTheRestNextRun() throws Exception {
        List<byte[]> mail = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            mail.add(plain("<d" + i + "@x>", "drop " + i, "message " + i));
        }
        h.append("INBOX", mail.toArray(byte[][]::new));
        Backfill.Options threeAtATime = new Backfill.Options(3, 1 << 20, 2);

        assertThatThrownBy(() -> h.backfill(threeAtATime, real -> new TroubledSource(real, List.of(), 2)))
                .isInstanceOf(MailboxException.class).hasMessageContaining("connection dropped");
        assertThat(h.state.archive.count()).as("the two batches fetched whole").isEqualTo(6);

        Backfill.Result again = h.backfill(threeAtATime);
        assertThat(again.archived()).isEqualTo(1);
        assertThat(again.known()).as("nothing fetched twice").isZero();
        assertThat(h.verify(true).ok()).isTrue();
    }

    @Test
    void laterRunsArchiveOnlyNewMailAndKeepWhatTheServerDeleted() throws Exception {
        h.append("INBOX", plain("<a@x>", "first", "one"), plain("<b@x>", "second", "two"));
        h.backfill();
        h.append("INBOX", plain("<c@x>", "third", "three"));
        h.expunge("INBOX", 1);

        Backfill.Result again = h.backfill();

        assertThat(again.archived()).isEqualTo(1);
        assertThat(again.deleted()).isEqualTo(1);
        ArchivedLocation first = h.state.archive.findAt("corp", "INBOX", place("first").uidValidity(), 1).orElseThrow();
        assertThat(first.status()).isEqualTo(Status.DELETED);
        assertThat(h.store.contains(first.contentHash())).isTrue();
        assertThat(h.search("first")).singleElement().satisfies(hit -> assertThat(hit.message().deletedOnServer()).isTrue());
    }

    @Test
    void reindexRebuildsTheIndexFromTheStore() throws Exception {
        h.append("INBOX", samples());
        h.backfill();
        h.index.refresh();
        long before = h.index.count();
        for (String id : h.index.ids()) {
            h.index.delete(id);
        }
        h.index.refresh();
        assertThat(h.verify(false).problems())
                .allMatch(p -> p.startsWith("archived but not indexed") || p.endsWith("more"));

        Reindex.run(h.archive, h.indexer, 2, BackfillProgress.NONE);

        h.index.refresh();
        assertThat(h.index.count()).isEqualTo(before);
        assertThat(h.verify(true).ok()).isTrue();
        assertThat(h.index.schema().isCurrent()).isTrue();
    }

    @Test
    void verifyReportsAlteredAndMissingRawFiles() throws Exception {
        h.append("INBOX", plain("<a@x>", "alpha", "one"), plain("<b@x>", "beta", "two"));
        h.backfill();
        List<String> hashes = new ArrayList<>();
        h.state.archive.forEach(p -> hashes.add(p.contentHash()));
        Files.write(h.store.path(hashes.get(0)), new byte[] {1, 2, 3});
        Files.delete(h.store.path(hashes.get(1)));

        ArchiveCheck.Report r = h.verify(true);

        assertThat(r.ok()).isFalse();
        assertThat(r.problems()).anyMatch(p -> p.startsWith("raw bytes altered or unreadable: " + hashes.get(0)))
                .anyMatch(p -> p.startsWith("missing raw bytes: " + hashes.get(1)));
    }

    @Test
    void verifyReadsTheCommittedIndexWhileTheDaemonHoldsItsLock() throws Exception {
        h.append("INBOX", plain("<a@x>", "alpha", "one"));
        h.backfill();
        h.index.commit();
        h.append("INBOX", plain("<b@x>", "beta", "two"));
        h.backfill(); // archived and indexed, but not committed yet

        try (ReadOnlyIndex committed = ReadOnlyIndex.open(h.index.path())) { // no write lock needed
            ArchiveCheck.Report r = h.check().verify(committed.ids(), committed.committedAt().orElseThrow(), true);
            assertThat(r.ok()).as(r.problems().toString()).isTrue();
            assertThat(r.indexed()).isEqualTo(1);
            assertThat(r.uncommitted()).isEqualTo(1);
        }
    }

    private ArchivedLocation place(String subject) {
        List<ArchivedLocation> all = new ArrayList<>();
        h.state.archive.forEach(all::add);
        return all.stream().filter(p -> subjects(h.search(subject)).contains(subject)).findFirst().orElseThrow();
    }

    private static List<String> subjects(List<IndexHit> hits) {
        return hits.stream().map(hit -> hit.message().subject()).toList();
    }

    static byte[] plain(String messageId, String subject, String body) {
        return ("From: Li Si <li.si@vendor.example>\r\nTo: wang.wu@example.cn\r\nSubject: " + subject
                + "\r\nMessage-ID: " + messageId + "\r\nDate: Mon, 2 Nov 2026 09:00:00 +0800\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A message with a real DOCX attachment holding {@code docText}. */
    static byte[] mailWithDocx(String subject, String body, String docText) throws IOException {
        ByteArrayOutputStream docx = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.createParagraph().createRun().setText(docText);
            doc.write(docx);
        }
        String b64 = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(docx.toByteArray());
        String encodedSubject = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8))
                + "?=";
        return ("From: finance@vendor.example\r\nTo: wang.wu@example.cn\r\nSubject: " + encodedSubject
                + "\r\nMessage-ID: <docx@x>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body
                + "\r\n--b1\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename*=UTF-8''%E6%8A%A5%E5%91%8A.docx\r\n\r\n" + b64
                + "\r\n--b1--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Passes everything to {@code real}, calling {@code check} first before each index (a crash, a probe). */
    private record CheckedIndexer(Indexer real, Check check) implements Indexer {

        interface Check {
            void before(ArchivedLocation place) throws IOException;
        }

        public void index(ArchivedLocation place, io.mailwarden.message.RawMessage raw) throws IOException {
            check.before(place);
            real.index(place, raw);
        }

        public void markDeletedOnServer(String id) {
            real.markDeletedOnServer(id);
        }

        public void remove(String id) {
            real.remove(id);
        }

        public Set<String> ids() {
            return real.ids();
        }

        public void commit() {
            real.commit();
        }

        @Override
        public void rebuilt() {
            real.rebuilt();
        }
    }
}
