package io.mailwarden.backup.snapshot;

import io.mailwarden.state.ContentHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Checks a snapshot against its manifest: every listed file there with its size and hash (a raw message is
 * decompressed and must hash to its name), and no file the manifest does not list. Files are hashed on
 * several threads; the manifest is read as a stream.
 */
public final class SnapshotCheck {

    /** A kind of discrepancy. */
    public enum Kind {
        MISSING, WRONG_SIZE, WRONG_HASH, EXTRA, BAD_MANIFEST;

        String label() {
            return name().replace('_', ' ');
        }
    }

    /** One discrepancy: {@code path} is relative to the snapshot. */
    public record Problem(Kind kind, String path, String detail) {
        @Override
        public String toString() {
            return kind.label() + " " + path + (detail == null ? "" : ": " + detail);
        }
    }

    /**
     * @param manifest the manifest's header, or null when it cannot be read
     * @param files how many listed files were checked
     * @param bytes their total size
     */
    public record Report(Path snapshot, Manifest manifest, long files, long bytes, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private SnapshotCheck() {
    }

    public static Report verify(Path snapshot) throws IOException {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(snapshot)) {
            throw new NoSuchFileException(snapshot.toString(), null, "no snapshot directory there");
        }
        Manifest header;
        Set<String> listed = new HashSet<>();
        AtomicLong files = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().daemon().name("snapshot-verify-", 0)
                .factory());
        Semaphore inFlight = new Semaphore(THREADS * 4);
        try (ManifestReader reader = ManifestReader.open(snapshot)) {
            header = reader.header();
            reader.entries(e -> {
                Path file = resolve(snapshot, e.path());
                if (file == null || !listed.add(e.path())) {
                    add(problems, new Problem(Kind.BAD_MANIFEST, e.path(), file == null ? "a path outside the snapshot"
                            : "listed twice"));
                    return;
                }
                files.incrementAndGet();
                bytes.addAndGet(e.size());
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        Problem p = check(file, e);
                        if (p != null) {
                            add(problems, p);
                        }
                    } finally {
                        inFlight.release();
                    }
                });
            });
        } catch (NoSuchFileException e) {
            return new Report(snapshot, null, 0, 0, List.of(new Problem(Kind.BAD_MANIFEST, Manifest.FILE,
                    "missing: an unfinished snapshot, or not a snapshot")));
        } catch (IOException e) {
            header = null;
            add(problems, new Problem(Kind.BAD_MANIFEST, Manifest.FILE, e.getMessage()));
        } finally {
            pool.shutdown();
            awaitQuietly(pool);
        }
        extras(snapshot, listed, problems);
        problems.sort(Comparator.comparing(Problem::path).thenComparing(Problem::kind));
        return new Report(snapshot, header, files.get(), bytes.get(), List.copyOf(problems));
    }

    /** The listed file, or null when the path would leave the snapshot. */
    static Path resolve(Path snapshot, String rel) {
        Path file = snapshot.resolve(rel).normalize();
        return rel.isEmpty() || Path.of(rel).isAbsolute() || !file.startsWith(snapshot.normalize()) ? null : file;
    }

    private static Problem check(Path file, Manifest.Entry e) {
        try {
            long size = Files.size(file);
            if (size != e.size()) {
                return new Problem(Kind.WRONG_SIZE, e.path(), "expected " + e.size() + " bytes, found " + size);
            }
            String found;
            if (e.contentSha256() != null) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
                    found = ContentHash.of(in);
                }
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    found = ContentHash.of(in);
                }
            }
            String expected = e.contentSha256() != null ? e.contentSha256() : e.sha256();
            return found.equals(expected) ? null : new Problem(Kind.WRONG_HASH, e.path(), "expected " + expected
                    + (e.contentSha256() != null ? " (of the decompressed message)" : "") + ", found " + found);
        } catch (NoSuchFileException x) {
            return new Problem(Kind.MISSING, e.path(), null);
        } catch (IOException x) {
            return new Problem(Kind.WRONG_HASH, e.path(), "unreadable: " + x.getMessage());
        }
    }

    private static void extras(Path snapshot, Set<String> listed, List<Problem> problems) throws IOException {
        try (Stream<Path> all = Files.walk(snapshot)) {
            all.filter(Files::isRegularFile).map(p -> snapshot.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> !rel.equals(Manifest.FILE) && !listed.contains(rel))
                    .forEach(rel -> problems.add(new Problem(Kind.EXTRA, rel, "not in the manifest")));
        }
    }

    private static void add(List<Problem> problems, Problem p) {
        synchronized (problems) {
            problems.add(p);
        }
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // hashing a large snapshot takes a while
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
