package io.mailwarden.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the JIT compiler threads, from {@code /proc/self/task} (Linux; 0 elsewhere). The JVM's own
 * compilation time ({@code CompilationMXBean}) is wall time, which a loaded machine inflates. A compiler thread
 * the JVM ended takes its time with it, so this is a lower bound.
 */
final class CompilerCpu {

    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux

    private CompilerCpu() {
    }

    static double seconds() {
        long ticks = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        String stat = Files.readString(task.resolve("stat"));
                        // fields after the parenthesised name: state is 3rd, utime 14th, stime 15th
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException threadEnded) {
                    // gone between listing and reading
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return (double) ticks / TICKS_PER_SECOND;
    }
}
