package io.mailwarden.bench;

import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.AttachmentDoc;
import io.mailwarden.archive.index.MailAnalyzers;
import io.mailwarden.archive.index.MessageDocument;
import io.mailwarden.archive.index.RecallCorpus;
import io.mailwarden.archive.index.RecallMeasurement;
import io.mailwarden.archive.index.TextQueries;
import io.mailwarden.message.Address;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.FSDirectory;

/**
 * The archive index: recall and precision of text search on planted words, indexing throughput, index
 * size against the text it holds, near-real-time visibility and query time. Not a test: run it with
 * {@code bench/index-bench.sh}. Knobs (system properties): {@code bench.recall-messages} (300),
 * {@code bench.messages} (20000), {@code bench.seed} (20261129), {@code bench.nrt-samples} (10).
 */
public final class IndexBench {

    private IndexBench() {
    }

    public static void main(String[] args) throws Exception {
        int recallMessages = Integer.getInteger("bench.recall-messages", 300);
        int count = Integer.getInteger("bench.messages", 20_000);
        long seed = Long.getLong("bench.seed", 20261129);
        int nrtSamples = Integer.getInteger("bench.nrt-samples", 10);
        System.out.printf(Locale.ROOT, "mailwarden index bench: JDK %s, %d CPU(s) visible, max heap %d MB%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        Path tmp = Files.createTempDirectory("mailwarden-index-bench-");

        // 1. recall and precision on the planted corpus
        RecallCorpus.Corpus corpus = RecallCorpus.generate(recallMessages, seed);
        List<RecallMeasurement.Row> rows;
        try (ArchiveIndex index = ArchiveIndex.open(tmp.resolve("recall"), Duration.ofMinutes(1))) {
            corpus.messages().forEach(index::upsert);
            index.refresh();
            rows = RecallMeasurement.rows(corpus, RecallMeasurement.search(index, corpus));
        }
        System.out.printf(Locale.ROOT, "%nrecall: %d messages, %d probes, each planted in 3-8 messages%n%n",
                recallMessages, RecallCorpus.PROBES.size());
        System.out.println(RecallMeasurement.table(rows));

        // 2. throughput and size: the same generator, more messages
        List<MessageDocument> messages = RecallCorpus.generate(count, seed + 1).messages();
        long textBytes = messages.stream().mapToLong(IndexBench::textBytes).sum();
        Path dir = tmp.resolve("size");
        double docsPerSec;
        double[] nrtMillis;
        double[] queryMicros;
        try (ArchiveIndex index = ArchiveIndex.open(dir, Duration.ofSeconds(30))) {
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            messages.forEach(index::upsert);
            index.commit();
            double secs = (System.nanoTime() - t0) / 1e9;
            double cpuSecs = (processCpuNanos() - cpu0) / 1e9;
            docsPerSec = count / secs;
            System.out.printf(Locale.ROOT, "indexing: %d messages, %.1f MB of text (UTF-8), %.1f s with the commit:"
                    + " %,.0f messages/s, %.2f MB/s of text, one indexing thread%n", count, textBytes / 1e6, secs,
                    docsPerSec, textBytes / 1e6 / secs);
            System.out.printf(Locale.ROOT, "indexing: %.1f CPU-seconds of the whole JVM (merges, GC, JIT included):"
                    + " %,.0f messages per CPU-second, %.2f MB of text per CPU-second%n", cpuSecs, count / cpuSecs,
                    textBytes / 1e6 / cpuSecs);
            index.refresh();
            queryMicros = queryTimes(index);
            nrtMillis = visibility(index, nrtSamples);
        }
        long written = sizeOf(dir);
        Map<String, Long> parts = mergedParts(dir);
        long merged = parts.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "size: %.1f MB as written (%.2f x the text); %.1f MB merged into one segment"
                + " (%.2f x the text)%n", written / 1e6, (double) written / textBytes, merged / 1e6,
                (double) merged / textBytes);
        parts.forEach((part, bytes) -> System.out.printf(Locale.ROOT, "  %-36s %8.1f MB  %5.1f%%%n", part, bytes / 1e6,
                100.0 * bytes / merged));
        System.out.printf(Locale.ROOT, "queries: %d probes over %d messages, %.0f us median, %.0f us max (relevance, top 20)%n",
                RecallCorpus.PROBES.size(), count, queryMicros[queryMicros.length / 2], queryMicros[queryMicros.length - 1]);
        System.out.printf(Locale.ROOT, "visibility: upsert -> searchable without refresh(): %.0f ms median, %.0f ms max"
                + " over %d samples%n", nrtMillis[nrtMillis.length / 2], nrtMillis[nrtMillis.length - 1], nrtSamples);

        RecallMeasurement.Row all = rows.get(rows.size() - 1);
        System.out.printf(Locale.ROOT, "RESULT recall=%.3f precision_plants=%.3f precision_text=%.3f index_msgs_per_sec=%.0f"
                + " index_to_text=%.2f merged_index_to_text=%.2f query_us_p50=%.0f nrt_ms_p50=%.0f nrt_ms_max=%.0f%n",
                all.recall(), all.precisionAgainstPlants(), all.precisionAgainstText(), docsPerSec,
                (double) written / textBytes, (double) merged / textBytes, queryMicros[queryMicros.length / 2],
                nrtMillis[nrtMillis.length / 2], nrtMillis[nrtMillis.length - 1]);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The UTF-8 size of the text a message gives the index: subject, body, attachment texts and names, addresses. */
    private static long textBytes(MessageDocument m) {
        StringBuilder sb = new StringBuilder(m.subject()).append(m.body());
        for (AttachmentDoc a : m.attachments()) {
            sb.append(a.name()).append(a.text());
        }
        for (Address a : m.from()) {
            sb.append(a.name()).append(a.address());
        }
        for (Address a : m.to()) {
            sb.append(a.name()).append(a.address());
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8).length;
    }

    /** Microseconds per probe query (after one warm-up pass), sorted. */
    private static double[] queryTimes(ArchiveIndex index) {
        TextQueries text = new TextQueries();
        List<Query> queries = RecallCorpus.PROBES.stream().map(p -> text.anywhere(p.typed()).orElseThrow()).toList();
        queries.forEach(q -> index.search(q, 20, null));
        double[] micros = new double[queries.size()];
        for (int i = 0; i < micros.length; i++) {
            long t0 = System.nanoTime();
            index.search(queries.get(i), 20, null);
            micros[i] = (System.nanoTime() - t0) / 1e3;
        }
        Arrays.sort(micros);
        return micros;
    }

    /** Milliseconds from upsert until a search sees the message, no refresh() called; sorted. */
    private static double[] visibility(ArchiveIndex index, int samples) throws InterruptedException {
        List<MessageDocument> fresh = RecallCorpus.generate(samples, 7).messages();
        TextQueries text = new TextQueries();
        double[] millis = new double[samples];
        for (int i = 0; i < samples; i++) {
            MessageDocument m = fresh.get(i);
            String marker = "nrtprobe" + i;
            MessageDocument marked = new MessageDocument("nrt/" + i, m.account(), m.folder(), m.uidValidity(), m.uid(),
                    m.contentHash(), m.messageId(), "", List.of(), m.from(), m.to(), m.cc(), marker, m.date(), m.size(),
                    m.flags(), m.attachments(), m.body(), List.of(), List.of(), false);
            Query q = text.anywhere(marker).orElseThrow();
            Thread.sleep(100 + 37L * i % 400); // arrive at different points of the reopen cycle
            long t0 = System.nanoTime();
            index.upsert(marked);
            while (index.search(q, 1, null).hits().isEmpty()) {
                Thread.sleep(2);
            }
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Merges the index into one segment without compound files, and sums its files by kind. */
    private static Map<String, Long> mergedParts(Path dir) throws IOException {
        TieredMergePolicy noCompound = new TieredMergePolicy();
        noCompound.setNoCFSRatio(0);
        try (FSDirectory d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(MailAnalyzers.indexing())
                        .setUseCompoundFile(false).setMergePolicy(noCompound))) {
            w.forceMerge(1);
            w.commit();
        }
        Map<String, Long> parts = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
                parts.merge(kind(ext), f.toFile().length(), Long::sum);
            }
        }
        return parts;
    }

    private static String kind(String ext) {
        return switch (ext) {
            case "fdt", "fdx", "fdm" -> "stored fields (texts, hit fields)";
            case "doc", "pos", "pay", "tim", "tip", "tmd", "psm" -> "postings (terms, positions)";
            case "dvd", "dvm" -> "doc values (sort, id, hash)";
            case "kdd", "kdi", "kdm" -> "points (dates, sizes, UIDs)";
            case "nvd", "nvm" -> "norms";
            default -> "other (segment info, field infos)";
        };
    }
}
