package io.mailwarden.daemon;

import static io.mailwarden.daemon.DaemonHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.Archive;
import io.mailwarden.archive.Backfill;
import io.mailwarden.archive.DocumentIndexer;
import io.mailwarden.archive.extract.ExtractLimits;
import io.mailwarden.archive.extract.MessageExtractor;
import io.mailwarden.archive.extract.TextExtractor;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.IndexHit;
import io.mailwarden.archive.index.TextQueries;
import io.mailwarden.archive.linked.ExmailLinkMail;
import io.mailwarden.archive.linked.FakeTransferStation;
import io.mailwarden.archive.linked.HostPolicy;
import io.mailwarden.archive.linked.LinkFinder;
import io.mailwarden.archive.linked.LinkedFileDownloader;
import io.mailwarden.archive.linked.LinkedFiles;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.ArchivedLocation.Status;
import io.mailwarden.testing.TempDirs;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The daemon feeding the archive: new mail where its rules left it, and the existing mail of archived folders. */
class DaemonArchiveTest {

    @RegisterExtension
    final DaemonHarness h = new DaemonHarness();

    private Path data;
    private ArchiveIndex index;
    private TextExtractor extractor;

    private Archiving archiving() throws Exception {
        data = Files.createTempDirectory("mailwarden-daemon-archive");
        index = ArchiveIndex.open(data.resolve("lucene"), Duration.ofSeconds(30));
        extractor = new TextExtractor(ExtractLimits.defaults());
        HostPolicy hosts = HostPolicy.of("127.0.0.1");
        LinkedFiles linked = new LinkedFiles(new LinkFinder(hosts), h.state.linkedFiles, RawStore.files(data),
                new LinkedFileDownloader(hosts, 1 << 20, Duration.ofSeconds(5), data.resolve("spool")), extractor,
                Clock.systemUTC());
        DocumentIndexer indexer = new DocumentIndexer(new MessageExtractor(extractor), index, linked);
        Archive archive = new Archive(new RawStore(data), h.state.archive, indexer, Clock.systemUTC());
        return new Archiving(archive, indexer, new Backfill.Options(50, 1 << 20, 2), Duration.ofMinutes(15), null, () -> {
        }, linked, Duration.ofSeconds(1));
    }

    @AfterEach
    void closeArchive() {
        h.stop(); // before the harness's own close: the daemon writes into the archive until then
        if (index != null) {
            index.close();
            extractor.close();
        }
        TempDirs.delete(data);
    }

    @Test
    void newMailIsSearchableWhereTheRuleMovedIt() throws Exception {
        h.rules("""
                rules:
                  - name: invoices
                    when: { subject: "发票" }
                    then: [{ move: 财务 }]
                """).archiving(archiving()).start();

        h.deliver("三月份增值税发票");

        await("the moved message is searchable", () -> hits("增值税发票").stream()
                .anyMatch(hit -> hit.message().folder().equals("财务")));
        IndexHit hit = hits("增值税发票").getFirst();
        assertThat(hit.message().rules()).containsExactly("invoices");
        List<ArchivedLocation> places = places();
        assertThat(places).extracting(ArchivedLocation::folder).containsExactly("财务");
        assertThat(places.getFirst().uid()).as("UID unknown until the folder is read").isZero();
    }

    @Test
    void firstStartArchivesTheMailAlreadyThereWithoutMarkingItRead() throws Exception {
        h.deliver("old budget mail");
        h.deliver("older travel mail");

        h.rules("rules: []").archiving(archiving()).start();

        await("existing mail archived", () -> hits("budget").size() == 1 && hits("travel").size() == 1);
        assertThat(places()).extracting(ArchivedLocation::status).containsOnly(Status.PRESENT);
        assertThat(h.mail("INBOX")).allSatisfy(m -> assertThat(m.has(jakarta.mail.Flags.Flag.SEEN)).isFalse());
    }

    @Test
    void downloadsTheFileNewMailLinksToAndFindsTheMailByItsText() throws Exception {
        try (FakeTransferStation station = new FakeTransferStation().start()) {
            URI link = station.linkFor("交付清单.txt", "交付清单 osprey-7 manifest".getBytes(StandardCharsets.UTF_8));
            h.rules("rules: []").archiving(archiving()).start();

            h.deliver(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(ExmailLinkMail.alternative("交付清单.txt", link.toString()))));

            await("the linked file's text is searchable", () -> hits("osprey").size() == 1);
            assertThat(hits("osprey").getFirst().message().attachments()).extracting(a -> a.name())
                    .containsExactly("交付清单.txt");
        }
    }

    private List<IndexHit> hits(String typed) {
        index.refresh();
        return index.search(new TextQueries().anywhere(typed).orElseThrow(), 10, ArchiveIndex.NEWEST_FIRST).hits();
    }

    private List<ArchivedLocation> places() {
        List<ArchivedLocation> all = new ArrayList<>();
        h.state.archive.forEach(all::add);
        return all;
    }
}
