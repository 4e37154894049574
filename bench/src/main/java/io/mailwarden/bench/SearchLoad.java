package io.mailwarden.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

/**
 * Runs the search mix from concurrent clients and reports latency percentiles (nearest rank), overall and
 * per query kind, and queries/second. The same for the engine-direct and the HTTP mode, so their figures
 * compare.
 */
final class SearchLoad {

    /** One query kind of the mix: a label for the report and the query as typed. */
    record Kind(String label, String query) {
    }

    static final List<Kind> MIX = List.of(new Kind("word", "reconciliation"), new Kind("chinese", "发票"),
            new Kind("phrase", "\"purchase order\""), new Kind("from", "from:vendor3.example"),
            new Kind("dates", "after:2027-01-01 before:2027-03-01"), new Kind("attachment", "has:attachment"),
            new Kind("or5", "锂电 OR 光伏 OR 合同 OR throughput OR kubernetes"));

    /** One search as a client makes it; throws when the answer is not a good page of hits. */
    @FunctionalInterface
    interface Client {
        void search(String query) throws Exception;
    }

    private SearchLoad() {
    }

    /**
     * A warm-up of a quarter as many queries, then {@code clients} threads each run {@code perClient} queries,
     * cycling through the mix (each client starting at another kind); prints the report and returns its
     * {@code RESULT} fields.
     */
    static String run(String mode, Client client, int clients, int perClient, LongSupplier serverCpu)
            throws Exception {
        measure(client, clients, Math.max(perClient / 4, MIX.size()));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long server0 = serverCpu == null ? 0 : serverCpu.getAsLong();
        long t0 = System.nanoTime();
        long[][] micros = measure(client, clients, perClient);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long[] all = Arrays.stream(micros).flatMapToLong(Arrays::stream).sorted().toArray();
        double qps = all.length / seconds;
        // CPU time of this JVM per query, GC and JIT included: what the load of the machine does not change much
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / all.length;
        double serverMs = serverCpu == null ? Double.NaN : (serverCpu.getAsLong() - server0) / 1e6 / all.length;
        System.out.printf(Locale.ROOT, "%s, %d clients x %d queries: p50 %.1f ms, p99 %.1f ms, %.0f queries/s, %.2f ms"
                + " CPU of this JVM per query%n", mode, clients, perClient, pct(all, 50), pct(all, 99), qps, cpuMs);
        StringBuilder result = new StringBuilder(String.format(Locale.ROOT,
                "%s_p50_ms=%.1f %s_p99_ms=%.1f %s_qps=%.0f %s_jvm_cpu_ms_per_query=%.2f", mode, pct(all, 50), mode,
                pct(all, 99), mode, qps, mode, cpuMs));
        if (serverCpu != null) {
            System.out.printf(Locale.ROOT, "  the server's CPU per query: %.2f ms%n", serverMs);
            result.append(String.format(Locale.ROOT, " %s_server_cpu_ms_per_query=%.2f", mode, serverMs));
        }
        for (int k = 0; k < MIX.size(); k++) {
            long[] kind = kind(micros, k);
            System.out.printf(Locale.ROOT, "  %-11s %-55s p50 %7.1f ms  p99 %7.1f ms%n", MIX.get(k).label(),
                    MIX.get(k).query(), pct(kind, 50), pct(kind, 99));
            result.append(String.format(Locale.ROOT, " %s_%s_p50_ms=%.1f", mode, MIX.get(k).label(), pct(kind, 50)));
        }
        return result.toString();
    }

    /** Per client, the microseconds of each query; query i of client c is kind (i + c) mod mix size. */
    private static long[][] measure(Client client, int clients, int perClient) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int offset = c;
                futures.add(pool.submit(() -> {
                    long[] out = new long[perClient];
                    for (int i = 0; i < perClient; i++) {
                        long t = System.nanoTime();
                        client.search(MIX.get((i + offset) % MIX.size()).query());
                        out[i] = (System.nanoTime() - t) / 1000;
                    }
                    return out;
                }));
            }
            long[][] all = new long[clients][];
            for (int c = 0; c < clients; c++) {
                all[c] = futures.get(c).get();
            }
            return all;
        } finally {
            pool.shutdown();
        }
    }

    private static long[] kind(long[][] micros, int k) {
        List<Long> out = new ArrayList<>();
        for (int c = 0; c < micros.length; c++) {
            for (int i = 0; i < micros[c].length; i++) {
                if ((i + c) % MIX.size() == k) {
                    out.add(micros[c][i]);
                }
            }
        }
        return out.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    /** Nearest-rank percentile of sorted microseconds, in milliseconds. */
    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1000.0;
    }
}
