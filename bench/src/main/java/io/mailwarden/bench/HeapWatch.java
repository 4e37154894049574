package io.mailwarden.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The heap a phase needed, seen two ways: the most it held at once, garbage included (sampled every
 * 10 ms), and the most it held right after a collection (what was live; from the collectors'
 * notifications). Also the process's resident memory from {@code /proc/self/status}.
 */
final class HeapWatch implements AutoCloseable {

    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final Thread sampler;

    HeapWatch() {
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, hb) -> {
                if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                    long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream() // heap pools only
                            .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                    peakAfterGc.accumulateAndGet(after, Math::max);
                }
            }, null, null);
        }
        sampler = Thread.ofPlatform().daemon().name("heap-watch").start(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!Thread.currentThread().isInterrupted()) {
                peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Starts a new phase: the peaks count from now. */
    void reset() {
        peakUsed.set(0);
        peakAfterGc.set(0);
    }

    /** The sampled peak, or the peak after a collection when the sampler missed a higher one. */
    long peakUsed() {
        return Math.max(peakUsed.get(), peakAfterGc.get());
    }

    /** 0 when no collection ran since {@link #reset}. */
    long peakAfterGc() {
        return peakAfterGc.get();
    }

    /** A {@code Vm...} line of /proc/self/status in bytes ({@code VmRSS} now, {@code VmHWM} the peak). */
    static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // not Linux: reported as 0
        }
        return 0;
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
