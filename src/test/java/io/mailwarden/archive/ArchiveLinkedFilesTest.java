package io.mailwarden.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.AttachmentDoc;
import io.mailwarden.archive.index.Fields;
import io.mailwarden.archive.index.IndexHit;
import io.mailwarden.archive.index.TextQueries;
import io.mailwarden.archive.linked.ExmailLinkMail;
import io.mailwarden.archive.linked.FakeTransferStation;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.search.ArchiveSearch;
import io.mailwarden.state.LinkedFile;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Exmail's 超大附件 mail end to end: the archive finds the link, the download stores the file beside the message,
 * and the message is found by the file's text; what cannot be downloaded is recorded on the message.
 */
class ArchiveLinkedFilesTest {

    @RegisterExtension
    final ArchiveHarness h = new ArchiveHarness();
    private final FakeTransferStation station = new FakeTransferStation();

    @BeforeEach
    void startStation() throws Exception {
        station.start();
    }

    @AfterEach
    void stopStation() {
        station.close();
    }

    @Test
    void downloadsTheLinkedFileAndFindsTheMessageByItsText() throws Exception {
        byte[] content = "二〇二六年度预算 forecast zebrafinch".getBytes(StandardCharsets.UTF_8);
        URI link = station.linkFor("年度预算.txt", content);
        h.append("INBOX", ExmailLinkMail.alternative("年度预算.txt", link.toString()));
        h.backfill();

        assertThat(h.search("zebrafinch")).isEmpty();
        assertThat(attachments(h.search("超大附件"))).singleElement()
                .satisfies(a -> assertThat(a.problem()).isEqualTo("linked file not downloaded yet"));

        fetchDueAndReindex();

        List<IndexHit> hits = h.search("zebrafinch");
        assertThat(hits).hasSize(1);
        assertThat(attachments(hits)).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("年度预算.txt");
            assertThat(a.problem()).isEmpty();
            assertThat(a.size()).isEqualTo(content.length);
        });
        assertThat(h.search("年度预算")).hasSize(1);
        LinkedFile stored = h.state.linkedFiles.stored().get(0);
        try (InputStream in = new GZIPInputStream(java.nio.file.Files.newInputStream(
                RawStore.files(h.data).path(stored.fileHash())))) {
            assertThat(in.readAllBytes()).isEqualTo(content); // zcat gives the file back
        }
        assertThat(h.verify(true).ok()).isTrue();
        ArchiveSearch api = new ArchiveSearch(() -> h.index, h.store, RawStore.files(h.data), h.state.linkedFiles,
                Clock.systemUTC());
        try (InputStream served = api.attachment(hits.get(0).message().id(), 0).orElseThrow().content()) {
            assertThat(served.readAllBytes()).as("the API serves the linked file as attachment 0").isEqualTo(content);
        }
    }

    @Test
    void aReindexKeepsTheLinkedFilesText() throws Exception {
        URI link = station.linkFor("notes.txt", "quarterly kestrel figures".getBytes(StandardCharsets.UTF_8));
        h.append("INBOX", ExmailLinkMail.htmlOnly("notes.txt", link.toString()));
        h.backfill();
        fetchDueAndReindex();
        h.index.refresh();
        h.index.ids().forEach(h.index::delete);
        assertThat(h.search("kestrel")).isEmpty();

        Reindex.run(h.archive, h.indexer, 1, BackfillProgress.NONE);

        assertThat(h.search("kestrel")).hasSize(1);
        assertThat(station.requests()).as("the reindex reads the stored file, it does not download again")
                .isEqualTo(2);
    }

    @Test
    void aReplyQuotingTheLinkGetsTheStoredFileWithoutASecondDownload() throws Exception {
        URI link = station.linkFor("plan.txt", "the plover plan".getBytes(StandardCharsets.UTF_8));
        byte[] original = ExmailLinkMail.alternative("plan.txt", link.toString());
        h.append("INBOX", original);
        h.backfill();
        fetchDueAndReindex();
        String quoted = new String(original, StandardCharsets.US_ASCII).replace("Message-ID: <ftn-", "Message-ID: <re-");
        h.append("INBOX", quoted.getBytes(StandardCharsets.US_ASCII));
        h.backfill();

        fetchDueAndReindex();

        assertThat(h.search("plover")).hasSize(2);
        assertThat(station.requests()).as("page and file, once").isEqualTo(2);
    }

    @Test
    void recordsAnExpiredLinkOnTheMessage() throws Exception {
        URI link = station.linkFor("old.zip", new byte[] {1, 2, 3});
        station.expire(link);
        h.append("INBOX", ExmailLinkMail.alternative("old.zip", link.toString()));
        h.backfill();

        fetchDueAndReindex();

        assertThat(attachments(h.search("超大附件"))).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("old.zip");
            assertThat(a.problem()).startsWith("linked file not downloaded: ").contains("no file link");
        });
        h.index.refresh();
        assertThat(h.index.search(new TextQueries().in("no file link", List.of(Fields.PROBLEM)).orElseThrow(), 10,
                ArchiveIndex.NEWEST_FIRST).hits()).as("problem: finds it").hasSize(1);
        assertThat(h.state.linkedFiles.due(java.time.Instant.now().plusSeconds(86_400 * 60), 10)).isEmpty();
        assertThat(h.state.linkedFiles.counts()).as("what /api/status shows")
                .containsEntry(LinkedFile.Status.GONE, 1L).containsEntry(LinkedFile.Status.PENDING, 0L);
    }

    @Test
    void triesAgainLaterWhenTheServerFails() throws Exception {
        URI link = station.linkFor("later.txt", "heron".getBytes(StandardCharsets.UTF_8));
        station.failNext(link, 503);
        h.append("INBOX", ExmailLinkMail.alternative("later.txt", link.toString()));
        h.backfill();

        assertThat(h.linked.fetchDue(() -> false)).isEmpty();
        assertThat(h.linked.fetchDue(() -> false)).as("not due again at once").isEmpty();
        assertThat(station.requests()).isEqualTo(1);
        List<LinkedFile> later = h.state.linkedFiles.due(java.time.Instant.now().plusSeconds(301), 10);
        assertThat(later).singleElement().satisfies(f -> {
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(f.problem()).contains("503");
        });
        assertThat(attachments(h.search("超大附件"))).singleElement()
                .satisfies(a -> assertThat(a.problem()).startsWith("linked file not downloaded yet"));
    }

    @Test
    void givesUpAtOnceOnAFailingLinkOfAMessageOverAMonthOld() throws Exception {
        URI link = station.linkFor("old.txt", "wren".getBytes(StandardCharsets.UTF_8));
        station.failNext(link, 503);
        h.append("INBOX", ExmailLinkMail.alternative("old.txt", link.toString(), "Tue, 1 Jul 2025 10:00:00 +0800"));
        h.backfill();

        fetchDueAndReindex();

        assertThat(attachments(h.search("超大附件"))).singleElement().satisfies(a -> assertThat(a.problem())
                .startsWith("linked file not downloaded: the message is over 31 days old").contains("503"));
    }

    private void fetchDueAndReindex() throws Exception {
        for (String hash : h.linked.fetchDue(() -> false)) {
            h.archive.reindex(hash);
        }
    }

    private static List<AttachmentDoc> attachments(List<IndexHit> hits) {
        assertThat(hits).hasSize(1);
        return hits.get(0).message().attachments();
    }
}
