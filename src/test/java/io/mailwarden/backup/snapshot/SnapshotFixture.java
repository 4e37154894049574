package io.mailwarden.backup.snapshot;

import io.mailwarden.archive.Archive;
import io.mailwarden.archive.ArchiveCheck;
import io.mailwarden.archive.DocumentIndexer;
import io.mailwarden.archive.extract.ExtractLimits;
import io.mailwarden.archive.extract.MessageExtractor;
import io.mailwarden.archive.extract.TextExtractor;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.ReadOnlyIndex;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.MessageArrived;
import io.mailwarden.message.MessageRef;
import io.mailwarden.search.ArchiveSearch;
import io.mailwarden.search.Search;
import io.mailwarden.search.SearchPage;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.state.StateDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real data directory under {@code root}: raw store, Lucene index, Tika, and the state store in an H2 file
 * database at {@code state/mailwarden} (as the application keeps it), open until {@link #closeArchive()}, so the
 * directory can then be wiped and restored within one test. Backups go to {@code root/backups}.
 */
final class SnapshotFixture implements AutoCloseable, AfterEachCallback {

    static final String ACCOUNT = "corp";

    final Path root;
    final Path data;
    final Path backups;
    StateDb db;
    ArchiveCatalog catalog;
    RawStore store;
    ArchiveIndex index;
    private TextExtractor extractor;
    private DocumentIndexer indexer;
    private Archive archive;
    private long uid;
    private Connection keeper;

    /** In a temporary directory of its own, removed after each test when registered with {@code @RegisterExtension}. */
    SnapshotFixture() {
        this(temporaryDirectory());
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("mailwarden-snapshot-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SnapshotFixture(Path root) {
        this.root = root;
        this.data = root.resolve("index");
        this.backups = root.resolve("backups");
        open();
    }

    /** Opens the state store (migrated) and the archive over the data directory. */
    void open() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + data.toAbsolutePath() + "/state/mailwarden");
        try {
            keeper = h2.getConnection(); // H2 closes a file database with its last connection: keep it open meanwhile
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        db = new StateDb(h2);
        catalog = new ArchiveCatalog(db);
        store = new RawStore(data);
        index = ArchiveIndex.open(data.resolve("lucene"), Duration.ofMinutes(10));
        extractor = new TextExtractor(ExtractLimits.defaults());
        indexer = new DocumentIndexer(new MessageExtractor(extractor), index);
        archive = new Archive(store, catalog, indexer, Clock.systemUTC());
    }

    /** Archives a plain text message in {@code folder}; returns its raw bytes. */
    byte[] archive(String folder, String subject, String body) throws IOException {
        long n = ++uid;
        byte[] raw = ("From: Li Si <li.si@vendor.example>\r\nTo: wang.wu@example.cn\r\nSubject: " + subject
                + "\r\nMessage-ID: <m" + n + "." + System.nanoTime() + "@vendor.example>\r\nDate: Mon, " + (n % 28 + 1)
                + " Jun 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.UTF_8);
        archive.archive(new MessageArrived(new MessageRef(ACCOUNT, folder, 1, n), raw, Set.of("seen"), Set.of(),
                Instant.parse("2026-06-01T02:00:00Z").plusSeconds(n * 60), false), List.of());
        return raw;
    }

    /** What restore-snapshot does after restoring: indexes what the catalog holds and the index commit lacks. */
    int repair() throws IOException {
        return new ArchiveCheck(store, catalog).repair(indexer);
    }

    Snapshots snapshots(Clock clock) {
        return new Snapshots(data, backups, new Retention(7, 4, clock.getZone()), "test", clock);
    }

    IndexSource liveIndex() {
        return IndexSource.of(() -> index, data.resolve("lucene"));
    }

    StateSource state() {
        return db::backupTo;
    }

    /** The archive's own check over {@code dataDir}, reading its index as committed (what 'mailwarden verify' does). */
    static ArchiveCheck.Report verifyArchive(Path dataDir, StateDb db) throws IOException {
        try (ReadOnlyIndex ro = ReadOnlyIndex.open(dataDir.resolve("lucene"))) {
            return new ArchiveCheck(new RawStore(dataDir), new ArchiveCatalog(db)).verify(ro.ids(),
                    ro.committedAt().orElse(null), true);
        }
    }

    /** Every page of hits for each query, newest first and by relevance, over the committed index in {@code dataDir}. */
    static List<SearchPage> searches(Path dataDir, List<String> queries) {
        try (ReadOnlyIndex ro = ReadOnlyIndex.open(dataDir.resolve("lucene"))) {
            ArchiveSearch search = new ArchiveSearch(() -> ro, new RawStore(dataDir), Clock.systemUTC());
            return queries.stream().flatMap(q -> Stream.of(Search.Order.DATE, Search.Order.RELEVANCE)
                    .map(o -> withoutTiming(search.search(q, 100, 0, o)))).toList();
        }
    }

    private static SearchPage withoutTiming(SearchPage p) {
        return new SearchPage(p.query(), p.total(), p.exact(), 0, p.offset(), p.hits());
    }

    /** Closes the index and lets H2 close the database, as a stopped daemon leaves them. */
    void closeArchive() {
        if (index != null) {
            index.close();
            extractor.close();
            index = null;
        }
        if (keeper != null) {
            try {
                keeper.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            keeper = null;
        }
    }

    @Override
    public void close() {
        closeArchive();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        close();
        Snapshots.deleteTree(root);
    }
}
