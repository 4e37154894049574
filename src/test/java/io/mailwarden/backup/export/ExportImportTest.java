package io.mailwarden.backup.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

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
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.format.Format;
import io.mailwarden.backup.format.Formats;
import io.mailwarden.message.MessageArrived;
import io.mailwarden.message.MessageRef;
import io.mailwarden.search.ArchiveSearch;
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
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Export from a real archive (raw store, catalog, Lucene index) and import back into one. */
class ExportImportTest {

    @TempDir
    Path tmp;

    final TestState state = new TestState();
    RawStore store;
    ArchiveIndex index;
    TextExtractor extractor;
    Archive archive;

    @BeforeEach
    void open() {
        store = new RawStore(tmp.resolve("data"));
        index = ArchiveIndex.open(tmp.resolve("data/lucene"), Duration.ofSeconds(30));
        extractor = new TextExtractor(ExtractLimits.defaults());
        archive = new Archive(store, state.archive, new DocumentIndexer(new MessageExtractor(extractor), index),
                Clock.systemUTC());
    }

    @AfterEach
    void close() {
        index.close();
        extractor.close();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void exportsEveryArchivedMessageWithItsFolderFlagsAndDate(Format format) throws IOException {
        List<BackupMessage> archived = fill();

        Exporter.Result r = Exporter.run(everything(), format, tmp.resolve("out"), spool(), BackfillProgress.NONE);

        assertThat(r.messages()).isEqualTo(archived.size());
        assertThat(read(tmp.resolve("out"))).containsExactlyInAnyOrderElementsOf(
                archived.stream().map(m -> summary(m, format)).toList());
    }

    @Test
    void aQueryExportHoldsOnlyTheMatches() throws IOException {
        fill();
        Set<String> ids = search().ids("查收");

        Exporter.Result r = Exporter.run(new ArchiveSource(state.archive, store, l -> ids.contains(l.id())), Format.EML,
                tmp.resolve("out"), spool(), BackfillProgress.NONE);

        assertThat(r.messages()).isEqualTo(1);
        assertThat(read(tmp.resolve("out"))).singleElement().asString().contains(BackupFixtures.CHINESE);
    }

    @Test
    void exportingAgainIntoThePreviousExportAddsOnlyNewMessages() throws IOException {
        fill();
        Path out = tmp.resolve("out");
        Exporter.run(everything(), Format.MBOX, out, spool(), BackfillProgress.NONE);
        archived("corp", "INBOX", 99, BackupFixtures.raw("arrived later", "x@example.cn", "new\n"));

        Exporter.Result again = Exporter.run(everything(), Format.MBOX, out, spool(), BackfillProgress.NONE);

        assertThat(again.messages()).isEqualTo(1);
        assertThat(again.present()).isEqualTo(fill().size());
        assertThat(read(out)).hasSize(fill().size() + 1);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void importingTwiceAddsNothingTheSecondTimeAndTheMessagesAreSearchable(Format format) throws IOException {
        Path out = tmp.resolve("out");
        Exporter.run(source(BackupFixtures.hostile()), format, out, spool(), BackfillProgress.NONE);

        Importer.Result first = Importer.run(Formats.open(out, spool()), archive, new Importer.Target("restored", null),
                BackfillProgress.NONE);
        Importer.Result second = Importer.run(Formats.open(out, spool()), archive, new Importer.Target("restored", null),
                BackfillProgress.NONE);

        assertThat(first.imported()).isEqualTo(BackupFixtures.hostile().size());
        assertThat(second.imported()).isZero();
        assertThat(second.known()).isEqualTo(first.imported());
        assertThat(state.archive.count()).isEqualTo(first.imported());
        index.refresh();
        assertThat(search().ids("查收")).hasSize(1);
        assertThat(search().ids("folder:\"" + BackupFixtures.CHINESE + "\"")).hasSize(1);
        List<BackupMessage> back = new ArrayList<>();
        new ArchiveSource(state.archive, store, ArchiveSource.all()).forEach(back::add);
        assertThat(back).filteredOn(m -> m.folder().equals("INBOX") && m.has("\\Seen")).hasSize(3); // both accounts
    }

    @Test
    void importOfAPlainMboxNeedsAnAccountAndNamesTheBadLine() throws IOException {
        Path mbox = Files.writeString(tmp.resolve("old.mbox"), "From a@example.cn Mon Mar  2 10:00:00 2026\n"
                + "Subject: one\n\nbody\n\n");
        Path broken = Files.writeString(tmp.resolve("broken.mbox"), "Subject: not an mbox\n\nbody\n");

        assertThat(catchThrowable(() -> Importer.run(Formats.open(mbox, spool()), archive, new Importer.Target(null, null),
                BackfillProgress.NONE))).hasMessageContaining("give --account");
        Importer.Result r = Importer.run(Formats.open(mbox, spool()), archive, new Importer.Target("old", "Archive/2025"),
                BackfillProgress.NONE);
        assertThat(r.imported()).isEqualTo(1);
        assertThat(state.archive.holds("old", "Archive/2025", io.mailwarden.state.ContentHash.of(
                "Subject: one\n\nbody\n".getBytes(StandardCharsets.US_ASCII)))).isTrue();
        assertThat(catchThrowable(() -> Formats.open(broken, spool()))).hasMessageContaining(broken.toString())
                .hasMessageContaining("line 1");
    }

    /** Archives the fixtures as the daemon would (every message at its own UID). */
    private List<BackupMessage> fill() throws IOException {
        List<BackupMessage> all = BackupFixtures.hostile();
        long uid = 1;
        for (BackupMessage m : all) {
            archived(m.account(), m.folder(), uid++, BackupFixtures.bytes(m.raw()), m.flags(), m.internalDate());
        }
        return all;
    }

    private void archived(String account, String folder, long uid, byte[] raw) throws IOException {
        archived(account, folder, uid, raw, Set.of(), Instant.parse("2026-04-01T00:00:00Z"));
    }

    private void archived(String account, String folder, long uid, byte[] raw, Set<String> wireFlags, Instant date)
            throws IOException {
        archive.archive(new MessageArrived(new MessageRef(account, folder, 7, uid), raw, Importer.catalogFlags(wireFlags),
                Set.of(), date, false), List.of());
    }

    private Spool spool() {
        return BackupFixtures.spool(tmp);
    }

    private ArchiveSearch search() {
        index.refresh();
        return new ArchiveSearch(() -> index, store, Clock.systemUTC());
    }

    private MessageSource everything() {
        return new ArchiveSource(state.archive, store, ArchiveSource.all());
    }

    private static MessageSource source(List<BackupMessage> messages) {
        return sink -> {
            for (BackupMessage m : messages) {
                sink.accept(m);
            }
        };
    }

    private List<String> read(Path out) throws IOException {
        List<String> all = new ArrayList<>();
        try (MessageSource s = Formats.open(out, spool())) {
            s.forEach(m -> all.add(summary(m, null)));
        }
        return all;
    }

    private static String summary(BackupMessage m, Format format) {
        Set<String> flags = format == Format.MBOX
                ? Set.copyOf(m.flags().stream().filter(f -> f.startsWith("\\")).toList()) : m.flags();
        return m.account() + "|" + m.folder() + "|" + m.contentHash() + "|" + new java.util.TreeSet<>(flags) + "|"
                + m.internalDate();
    }
}
