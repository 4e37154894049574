package io.mailwarden.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CPU time of this process's threads by group, from {@code /proc/self/task} (Linux; empty elsewhere): the
 * thread's name with its digits dropped, so {@code C2 CompilerThread0} and {@code ...1} add up. It counts
 * native code (zlib, fsync) that JFR's execution samples miss; the JVM's own compilation time
 * ({@code CompilationMXBean}) is wall time, which a loaded machine inflates. A thread that ends takes its
 * time with it, so a sampler reads every thread four times a second and keeps the last reading: a figure
 * misses at most the last quarter second of a thread that ended.
 */
final class ThreadCpu implements AutoCloseable {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private record Reading(String group, double seconds) {
    }

    private final Map<String, Reading> lastByTask = new ConcurrentHashMap<>();
    private final Thread sampler;

    ThreadCpu() {
        sample();
        sampler = Thread.ofPlatform().daemon().name("thread-cpu").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
                sample();
            }
        });
    }

    /** Seconds of CPU per thread group so far (Linux truncates names to 15 characters). */
    Map<String, Double> byGroup() {
        sample();
        Map<String, Double> groups = new TreeMap<>();
        lastByTask.values().forEach(r -> groups.merge(r.group(), r.seconds(), Double::sum));
        return groups;
    }

    /** Seconds of CPU of the JIT compiler threads so far. */
    double compilerSeconds() {
        return byGroup().entrySet().stream().filter(e -> e.getKey().contains("CompilerThre"))
                .mapToDouble(Map.Entry::getValue).sum();
    }

    /** {@code after - before} per group, largest first, as {@code name 1.23 s} items. */
    static String delta(Map<String, Double> before, Map<String, Double> after) {
        StringBuilder out = new StringBuilder();
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.append(out.isEmpty() ? "" : ", ")
                        .append(String.format(Locale.ROOT, "%s %.2f s", e.getKey(), e.getValue())));
        return out.toString();
    }

    private synchronized void sample() {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String group = Files.readString(task.resolve("comm")).strip().replaceAll("\\d+", "");
                    String stat = Files.readString(task.resolve("stat"));
                    // fields after the parenthesised name: state is 3rd, utime 14th, stime 15th
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double seconds = (double) (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
                    lastByTask.put(task.getFileName().toString(), new Reading(group, seconds));
                } catch (IOException | RuntimeException threadEnded) {
                    // gone between listing and reading
                }
            }
        } catch (IOException notLinux) {
            // no figures
        }
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
