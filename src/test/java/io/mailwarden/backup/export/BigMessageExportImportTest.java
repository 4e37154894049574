package io.mailwarden.backup.export;

import static io.mailwarden.backup.BackupFixtures.big;
import static io.mailwarden.backup.BackupFixtures.leftIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.Archive;
import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.archive.DocumentIndexer;
import io.mailwarden.archive.extract.ExtractLimits;
import io.mailwarden.archive.extract.MessageExtractor;
import io.mailwarden.archive.extract.TextExtractor;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.backup.ArchiveSource;
import io.mailwarden.backup.BackupFixtures;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.format.Format;
import io.mailwarden.backup.format.Formats;
import io.mailwarden.message.RawMessage;
import io.mailwarden.search.ArchiveSearch;
import io.mailwarden.state.ContentHash;
import io.mailwarden.state.TestState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export and import of messages too big to hold: a real 9 MB one from the archive, spooled ones from files. */
class BigMessageExportImportTest {

    @TempDir
    Path tmp;

    final TestState state = new TestState();

    @Test
    void aNineMegabyteArchivedMessageIsSpooledAndExportedToEveryFormatByteForByte() throws IOException {
        RawStore store = new RawStore(tmp.resolve("data"));
        byte[] raw = big("nine megabytes", "delta", 9 << 20, false);
        RawStore.Stored stored = BackupFixtures.archived(state, store, raw, Instant.parse("2026-03-01T00:00:00Z"));
        Spool spool = Spool.of(tmp.resolve("data"));
        List<RawMessage> given = new ArrayList<>();
        new ArchiveSource(state.archive, store, ArchiveSource.all()).forEach(m -> {
            try (m) {
                given.add(m.raw());
            }
        });
        assertThat(given).singleElement().isInstanceOf(RawMessage.Spooled.class);

        for (Format format : Format.values()) {
            Path out = tmp.resolve(format.label());
            Exporter.Result r = Exporter.run(new ArchiveSource(state.archive, store, ArchiveSource.all()), format, out,
                    spool, BackfillProgress.NONE);

            assertThat(r.bytes()).isEqualTo(raw.length);
            List<String> back = new ArrayList<>();
            try (MessageSource source = Formats.open(out, spool)) {
                source.forEach(m -> {
                    try (m) {
                        back.add(m.contentHash() + " " + m.flags());
                    }
                });
            }
            assertThat(back).as(format.label()).containsExactly(stored.hash() + " [\\Seen]");
        }
        assertThat(leftIn(spool)).isEmpty();
    }

    @Test
    void importOfAnMboxWithABigMessageKeepsItsBytesAndFromLinesExactly() throws IOException {
        byte[] raw = big("big import", "epsilon", 400_000, true);
        Path mbox = BackupFixtures.mbox(tmp.resolve("old.mbox"), raw,
                "Subject: small\n\nFrom here\n".getBytes(StandardCharsets.US_ASCII));
        Spool spool = BackupFixtures.spool(tmp);

        try (Opened a = open(); MessageSource source = Formats.open(mbox, spool)) {
            Importer.Result r = Importer.run(source, a.archive, new Importer.Target("old", "Archive"),
                    BackfillProgress.NONE);

            assertThat(r.imported()).isEqualTo(2);
            assertThat(r.bytes()).isEqualTo(raw.length + "Subject: small\n\nFrom here\n".length());
            assertThat(a.store.read(ContentHash.of(raw))).isEqualTo(raw);
            byte[] small = "Subject: small\n\nFrom here\n".getBytes(StandardCharsets.US_ASCII);
            assertThat(a.store.read(ContentHash.of(small))).isEqualTo(small); // ">From here" un-quoted
            assertThat(a.search().ids("epsilon")).hasSize(1);
        }
        assertThat(leftIn(spool)).isEmpty();
    }

    @Test
    void importFromAMaildirReadsABigFileInPlaceAndLeavesIt() throws IOException {
        byte[] raw = big("big maildir", "zeta", 200_000, false);
        Path cur = Files.createDirectories(tmp.resolve("maildir/cur"));
        Path file = Files.write(cur.resolve("1700000000.M1P1.host:2,S"), raw);
        Spool spool = BackupFixtures.spool(tmp);

        try (Opened a = open(); MessageSource source = Formats.open(tmp.resolve("maildir"), spool)) {
            Importer.Result r = Importer.run(source, a.archive, new Importer.Target("corp", null),
                    BackfillProgress.NONE);

            assertThat(r.imported()).isEqualTo(1);
            assertThat(a.store.read(ContentHash.of(raw))).isEqualTo(raw);
        }
        assertThat(file).exists().hasBinaryContent(raw);
        assertThat(spool.dir()).doesNotExist();
    }

    private Opened open() {
        return new Opened(tmp.resolve("data"), state);
    }

    /** A real archive: raw store, catalog, Lucene index, Tika. */
    private static final class Opened implements AutoCloseable {
        final RawStore store;
        final ArchiveIndex index;
        final TextExtractor extractor;
        final Archive archive;

        Opened(Path data, TestState state) {
            store = new RawStore(data);
            index = ArchiveIndex.open(data.resolve("lucene"), Duration.ofSeconds(30));
            extractor = new TextExtractor(ExtractLimits.defaults());
            archive = new Archive(store, state.archive, new DocumentIndexer(new MessageExtractor(extractor), index),
                    Clock.systemUTC());
        }

        ArchiveSearch search() {
            index.refresh();
            return new ArchiveSearch(() -> index, store, Clock.systemUTC());
        }

        @Override
        public void close() {
            index.close();
            extractor.close();
        }
    }
}
