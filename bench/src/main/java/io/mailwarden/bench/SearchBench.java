package io.mailwarden.bench;

import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.MessageDocument;
import io.mailwarden.archive.index.RecallCorpus;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.search.ArchiveSearch;
import io.mailwarden.search.Search;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Search latency and throughput on a generated archive (see bench/README.md, "Search"): builds an index of
 * {@code bench.messages} (100,000) documents, then {@code bench.clients} (4) threads run the query mix
 * through {@link ArchiveSearch} (query parsing, a page of 20 newest-first hits, snippets), as the HTTP
 * API and the CLI do.
 */
public final class SearchBench {

    static final List<String> MIX = List.of("reconciliation", "发票", "\"purchase order\"", "from:vendor3.example",
            "after:2027-01-01 before:2027-03-01", "has:attachment", "锂电 OR 光伏 OR 合同 OR throughput OR kubernetes");

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.messages", 100_000);
        int clients = Integer.getInteger("bench.clients", 4);
        int perClient = Integer.getInteger("bench.queries", 1_000);
        Path dir = Files.createTempDirectory("search-bench");
        List<MessageDocument> messages = RecallCorpus.generate(count, 42).messages();
        try (ArchiveIndex index = ArchiveIndex.open(dir.resolve("lucene"), Duration.ofHours(1))) {
            long start = System.nanoTime();
            messages.forEach(index::upsert);
            index.commit();
            index.refresh();
            System.out.printf("index build: %,d messages in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
            ArchiveSearch search = new ArchiveSearch(() -> index, new RawStore(dir), Clock.systemDefaultZone());
            for (String q : MIX) {
                System.out.printf("  %-60s %,d hits%n", q, search.search(q, 20, 0, Search.Order.DATE).total());
            }
            run(search, clients, perClient / 4); // warm-up
            long t0 = System.nanoTime();
            long[] micros = run(search, clients, perClient);
            double seconds = (System.nanoTime() - t0) / 1e9;
            Arrays.sort(micros);
            System.out.printf("%d clients x %d queries: p50 %.1f ms, p99 %.1f ms, %.0f queries/s%n", clients, perClient,
                    micros[micros.length / 2] / 1000.0, micros[(int) (micros.length * 0.99)] / 1000.0,
                    micros.length / seconds);
        }
    }

    private static long[] run(ArchiveSearch search, int clients, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            futures.add(pool.submit(() -> {
                long[] out = new long[perClient];
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    search.search(MIX.get((i + offset) % MIX.size()), 20, 0, Search.Order.DATE);
                    out[i] = (System.nanoTime() - t) / 1000;
                }
                return out;
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> f : futures) {
            long[] part = f.get();
            long[] merged = Arrays.copyOf(all, all.length + part.length);
            System.arraycopy(part, 0, merged, all.length, part.length);
            all = merged;
        }
        pool.shutdown();
        return all;
    }
}
