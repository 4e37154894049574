package io.mailwarden.bench;

import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.MessageDocument;
import io.mailwarden.archive.index.ReadOnlyIndex;
import io.mailwarden.archive.index.RecallCorpus;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.search.ArchiveSearch;
import io.mailwarden.search.Search;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.CheckpointStore;
import io.mailwarden.state.ProcessedStore;
import io.mailwarden.state.StateDb;
import io.mailwarden.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Search latency and throughput on a generated archive (see bench/README.md, "Search"), in three steps that
 * {@code bench/search-bench.sh} runs in turn:
 * <ul>
 *   <li>{@code build DATA_DIR}: {@code bench.messages} (100,000) generated documents into the data directory's
 *       index (timed), and a catalog row for each, so that the daemon started on that directory keeps them;</li>
 *   <li>{@code engine DATA_DIR}: the mix through {@link ArchiveSearch} over a read-only view of the index, in
 *       this JVM (query parsing, a page of 20 newest-first hits, snippets: no HTTP);</li>
 *   <li>{@code http BASE_URL TOKEN [PID CLOCK_TICKS_PER_SECOND]}: the mix through {@code GET /api/search} of a
 *       running mailwarden, with the JDK's HTTP client (keep-alive) and the bearer token; with the server's
 *       process id, its CPU time per query too.</li>
 * </ul>
 * Both query modes run {@code bench.clients} (4) threads of {@code bench.queries} (1,000) queries each.
 */
public final class SearchBench {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SearchBench build DATA_DIR | engine DATA_DIR | http BASE_URL TOKEN [PID TICKS]");
            System.exit(2);
        }
        int clients = Integer.getInteger("bench.clients", 4);
        int perClient = Integer.getInteger("bench.queries", 1_000);
        switch (args[0]) {
            case "build" -> build(Path.of(args[1]), Integer.getInteger("bench.messages", 100_000));
            case "engine" -> engine(Path.of(args[1]), clients, perClient);
            case "http" -> http(args[1], args[2], args.length > 4 ? cpuOf(args[3], Long.parseLong(args[4])) : null,
                    clients, perClient);
            default -> throw new IllegalArgumentException("unknown step " + args[0]);
        }
    }

    private static void build(Path data, int count) throws Exception {
        List<MessageDocument> messages = RecallCorpus.generate(count, 42).messages();
        try (ArchiveIndex index = ArchiveIndex.open(data.resolve("lucene"), Duration.ofHours(1))) {
            long start = System.nanoTime();
            messages.forEach(index::upsert);
            index.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "index build: %,d messages in %.1f s%n", count, seconds);
            System.out.printf(Locale.ROOT, "RESULT build_messages=%d build_s=%.1f%n", count, seconds);
        }
        long start = System.nanoTime();
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                "jdbc:h2:retry:" + data.toAbsolutePath() + "/state/mailwarden;AUTO_SERVER=TRUE;WRITE_DELAY=0", "", ""); // the daemon's user
        try {
            StateDb db = new StateDb(pool);
            new StateStore(db, Flyway.configure().dataSource(pool).locations("classpath:db/migration").load(),
                    new CheckpointStore(db), new ProcessedStore(db)).migrate();
            ArchiveCatalog catalog = new ArchiveCatalog(db);
            Instant now = Instant.now();
            for (MessageDocument m : messages) {
                catalog.add(new ArchivedLocation(m.id(), m.account(), m.folder(), m.uidValidity(), m.uid(),
                        m.contentHash(), m.messageId(), m.size(), m.date(), m.flags(), m.rules(),
                        ArchivedLocation.Status.PRESENT, now));
            }
        } finally {
            pool.dispose();
        }
        System.out.printf(Locale.ROOT, "catalog rows (not part of the build time): %.1f s%n",
                (System.nanoTime() - start) / 1e9);
    }

    private static void engine(Path data, int clients, int perClient) throws Exception {
        try (ReadOnlyIndex index = ReadOnlyIndex.open(data.resolve("lucene"))) {
            ArchiveSearch search = new ArchiveSearch(() -> index, new RawStore(data), Clock.systemDefaultZone());
            for (SearchLoad.Kind k : SearchLoad.MIX) {
                System.out.printf("  %-55s %,d hits%n", k.query(), search.search(k.query(), 20, 0, Search.Order.DATE)
                        .total());
            }
            System.out.println("RESULT " + SearchLoad.run("engine",
                    q -> search.search(q, 20, 0, Search.Order.DATE), clients, perClient, null));
        }
    }

    /** @param serverCpu the server's CPU time so far, in nanoseconds, or null when it is not known */
    private static void http(String base, String token, LongSupplier serverCpu, int clients, int perClient)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        SearchLoad.Client client = q -> get(http, base, token, q);
        for (SearchLoad.Kind k : SearchLoad.MIX) {
            Matcher total = TOTAL.matcher(get(http, base, token, k.query()));
            System.out.printf("  %-55s %s hits%n", k.query(), total.find() ? total.group(1) : "?");
        }
        System.out.println("RESULT " + SearchLoad.run("http", client, clients, perClient, serverCpu));
    }

    /** The CPU time (user + system) of process {@code pid} from {@code /proc}, in nanoseconds. */
    private static LongSupplier cpuOf(String pid, long ticksPerSecond) {
        Path stat = Path.of("/proc", pid, "stat");
        return () -> {
            try {
                // the fields after the command name, which is in parentheses and may hold spaces
                String line = Files.readString(stat);
                String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
                return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1_000_000_000L / ticksPerSecond;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the daemon's CPU time from " + stat, e);
            }
        };
    }

    /** One page of 20 newest-first hits, as the web page asks for it; fails unless the answer is a 200. */
    private static String get(HttpClient http, String base, String token, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/search?limit=20&q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token).GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/search?q=" + query + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }
}
