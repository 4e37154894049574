package io.mailwarden.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the backfill benchmark's figures: what {@code BackfillBench run} measured ({@code PHASE} and
 * {@code ARCHIVE} lines) beside mbsync's times of the same folders, as a Markdown table, the sizes and the
 * memory, and a {@code RESULT} line for scripts. Ratios are mailwarden's throughput over mbsync's, in
 * wall time and in CPU time (the CPU time of each client process, not the server's: on a loaded machine
 * it says what the work costs better than the wall time does).
 */
final class BackfillReport {

    private static final double MB = 1 << 20;

    private BackfillReport() {
    }

    /** One folder: mailwarden's figures, and mbsync's wall and CPU seconds when known. */
    private record Row(String folder, long messages, long bytes, double seconds, double cpu, long heapPeak,
            long liveAfterGc, double indexing, double jit, double secondHalf, double secondHalfCpu, double[] mbsync) {
    }

    private static String rate(double perSecond) {
        return perSecond < 10 ? "%.2f".formatted(perSecond) : "%,.0f".formatted(perSecond);
    }

    static void print(String measured, String mbsyncSpec) {
        Map<String, double[]> mbsync = new LinkedHashMap<>();
        for (String item : mbsyncSpec.split(",")) {
            String[] kv = item.split("[=:]");
            if (kv.length == 3) {
                mbsync.put(kv[0].trim(), new double[] {Double.parseDouble(kv[1]), Double.parseDouble(kv[2])});
            }
        }
        List<Row> rows = new ArrayList<>();
        String[] archive = null;
        for (String line : measured.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f[0].equals("PHASE") && Long.parseLong(f[2]) > 0) { // a folder made empty (-Dbench.plain=0) has no rate
                rows.add(new Row(f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]), Double.parseDouble(f[8]),
                        Double.parseDouble(f[9]), Double.parseDouble(f[10]), Double.parseDouble(f[11]), mbsync.get(f[1])));
            } else if (f[0].equals("ARCHIVE")) {
                archive = f;
            }
        }
        if (archive == null || rows.isEmpty()) {
            throw new IllegalArgumentException("no PHASE or ARCHIVE lines in the backfill's output");
        }
        System.out.println("| folder | messages | MB | mailwarden s (CPU s) | msgs/s | MB/s | mbsync s (CPU s) | msgs/s"
                + " | mailwarden ÷ mbsync, wall | per CPU second | worker time in parse+Tika+index | heap peak / after GC |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        StringBuilder result = new StringBuilder("RESULT");
        for (Row r : rows) {
            double mb = r.bytes() / MB;
            double[] theirs = r.mbsync();
            System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.2f (%.1f) | %s | %.1f | %s | %s | %s | %s | %.1f s | %d / %d MB |%n",
                    r.folder(), r.messages(), mb, r.seconds(), r.cpu(), rate(r.messages() / r.seconds()), mb / r.seconds(),
                    theirs == null ? "–" : "%.2f (%.1f)".formatted(theirs[0], theirs[1]),
                    theirs == null ? "–" : rate(r.messages() / theirs[0]),
                    theirs == null ? "–" : "%.2f".formatted(theirs[0] / r.seconds()),
                    theirs == null ? "–" : "%.2f".formatted(theirs[1] / r.cpu()), r.indexing(), r.heapPeak() >> 20,
                    r.liveAfterGc() >> 20);
            String key = r.folder().toLowerCase(Locale.ROOT);
            result.append(String.format(Locale.ROOT, " %s_msgs_per_sec=%.0f %s_mb_per_sec=%.1f %s_msgs_per_cpu_sec=%.0f", key,
                    r.messages() / r.seconds(), key, mb / r.seconds(), key, r.messages() / r.cpu()));
            if (theirs != null) {
                result.append(String.format(Locale.ROOT, " %s_vs_mbsync=%.2f %s_vs_mbsync_cpu=%.2f", key, theirs[0] / r.seconds(),
                        key, theirs[1] / r.cpu()));
            }
        }
        System.out.println();
        for (Row r : rows) {
            // the JIT compiles Tika, POI, PDFBox, Lucene and ICU while the first messages go through: a cost a
            // long backfill pays once; the second half of a folder shows the rate after it
            long second = r.messages() - Math.max(1, r.messages() / 2);
            System.out.printf(Locale.ROOT, "%s: JIT compiler threads %.1f s of the %.1f CPU s; the second half of the folder"
                    + " (%,d messages): %s msgs/s, %.2f ms of CPU a message%n", r.folder(), r.jit(), r.cpu(), second,
                    rate(second / r.secondHalf()), 1e3 * r.secondHalfCpu() / second);
            String key = r.folder().toLowerCase(Locale.ROOT);
            result.append(String.format(Locale.ROOT, " %s_jit_sec=%.1f %s_second_half_msgs_per_sec=%.0f"
                    + " %s_second_half_msgs_per_cpu_sec=%.0f", key, r.jit(), key, second / r.secondHalf(), key,
                    second / r.secondHalfCpu()));
        }
        long raw = rows.stream().mapToLong(Row::bytes).sum();
        long heapPeak = rows.stream().mapToLong(Row::heapPeak).max().orElse(0);
        long live = rows.stream().mapToLong(Row::liveAfterGc).max().orElse(0);
        long store = Long.parseLong(archive[1]);
        long lucene = Long.parseLong(archive[2]);
        long rssPeak = Long.parseLong(archive[6]);
        System.out.printf(Locale.ROOT, "%nfinal index commit: %s s%n", archive[4]);
        System.out.printf(Locale.ROOT, "raw %.1f MB; stored (gzip) %.1f MB = %.3f of raw; Lucene index %.1f MB = %.3f of raw;"
                + " state store %.1f MB%n", raw / MB, store / MB, (double) store / raw, lucene / MB, (double) lucene / raw,
                Long.parseLong(archive[3]) / MB);
        System.out.printf(Locale.ROOT, "heap: peak %d MB (sampled, garbage included), at most %d MB in use right after a collection;"
                + " RSS at the end %d MB, peak %d MB%n", heapPeak >> 20, live >> 20, Long.parseLong(archive[5]) >> 20,
                rssPeak >> 20);
        result.append(String.format(Locale.ROOT, " index_to_raw=%.3f store_to_raw=%.3f heap_peak_mb=%d heap_after_gc_peak_mb=%d"
                + " rss_peak_mb=%d", (double) lucene / raw, (double) store / raw, heapPeak >> 20, live >> 20, rssPeak >> 20));
        System.out.println(result);
    }
}
