package io.mailwarden.backup.snapshot;

import io.mailwarden.state.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The snapshots of one data directory in one backup directory: take, list, prune by retention, verify,
 * restore. A snapshot is written as {@code <name>.partial} and renamed to {@code <name>} (the UTC time it
 * was taken) once its manifest is written and fsynced, so nothing unfinished ever looks whole. Each snapshot
 * is self-contained — messages it shares with the previous one are hard links to the same file — so any of
 * them can be deleted.
 */
public final class Snapshots {

    /** Snapshot names: the UTC time it was taken. */
    public static final DateTimeFormatter NAMES = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final String PARTIAL = ".partial";
    private static final Logger LOG = Logger.getLogger("mailwarden.backup");

    private final Path dataDir;
    private final Path backupDir;
    private final Retention retention;
    private final String version;
    private final Clock clock;
    private final boolean linkToData;

    /**
     * @param version the mailwarden version, recorded in each manifest
     * @param clock names snapshots and dates them for retention
     */
    public Snapshots(Path dataDir, Path backupDir, Retention retention, String version, Clock clock) {
        this(dataDir, backupDir, retention, version, clock, true);
    }

    /** {@code linkToData} false copies every new file, as when the backups are on another file system. */
    Snapshots(Path dataDir, Path backupDir, Retention retention, String version, Clock clock, boolean linkToData) {
        this.dataDir = dataDir;
        this.backupDir = backupDir;
        this.retention = retention;
        this.version = version;
        this.clock = clock;
        this.linkToData = linkToData;
    }

    /**
     * A restored data directory.
     *
     * @param previous where the data directory that was there before was moved, or null
     */
    public record Restored(Path dataDir, Manifest manifest, Path previous) {
    }

    public Path backupDir() {
        return backupDir;
    }

    /** Takes a snapshot now; safe while the daemon runs. */
    public Manifest take(IndexSource index, StateSource state) throws IOException {
        Files.createDirectories(backupDir);
        try (BackupLock lock = BackupLock.acquire(backupDir)) {
            String name = NAMES.format(clock.instant());
            Path done = backupDir.resolve(name);
            if (Files.exists(done)) {
                throw new SnapshotException("a snapshot named " + name + " exists already in " + backupDir
                        + " (one per second at most)");
            }
            Path previous = list().stream().filter(SnapshotInfo::complete).map(SnapshotInfo::path).reduce((a, b) -> b)
                    .orElse(null);
            Path partial = backupDir.resolve(name + PARTIAL);
            deleteTree(partial); // a crash's leftover: the lock says no one else is writing it
            Files.createDirectory(partial);
            try {
                Manifest m = new SnapshotTaker(dataDir, version, clock, linkToData).take(partial, name, previous, index, state);
                DurableFiles.fsyncDirectory(partial);
                Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
                DurableFiles.fsyncDirectory(backupDir);
                return m;
            } catch (IOException | RuntimeException e) {
                deleteTree(partial);
                throw e;
            }
        }
    }

    /** Takes a snapshot, then prunes by retention; logs the outcome instead of throwing (the scheduled job). */
    public void takeAndPrune(IndexSource index, StateSource state) {
        long start = System.nanoTime();
        try {
            Manifest m = take(index, state);
            Manifest.Counts c = m.counts();
            LOG.infof("backup: snapshot %s taken in %d s: %d message(s) (%d new), index generation %d, state %s, %d MB,"
                    + " in %s", m.name(), (System.nanoTime() - start) / 1_000_000_000L, c.messages(),
                    c.messages() - c.linkedFromPrevious(), m.luceneGeneration(), m.state(), c.bytes() >> 20, backupDir);
            List<String> removed = prune();
            if (!removed.isEmpty()) {
                LOG.infof("backup: removed %d snapshot(s) by retention: %s", removed.size(), removed);
            }
        } catch (IOException | RuntimeException e) {
            LOG.errorf("backup: the snapshot in %s failed: %s; the next scheduled one tries again", backupDir,
                    e.getMessage());
        }
    }

    /** The snapshots in the backup directory, oldest first, unfinished ones included. */
    public List<SnapshotInfo> list() throws IOException {
        if (!Files.isDirectory(backupDir)) {
            return List.of();
        }
        List<SnapshotInfo> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(backupDir)) {
            for (Path p : s.filter(Files::isDirectory).sorted().toList()) {
                String file = p.getFileName().toString();
                boolean partial = file.endsWith(PARTIAL);
                String name = partial ? file.substring(0, file.length() - PARTIAL.length()) : file;
                Optional<Instant> at = takenAt(name);
                if (at.isEmpty()) {
                    continue; // not a snapshot
                }
                out.add(partial ? new SnapshotInfo(name, p, at.get(), null, "unfinished (interrupted; removed at the next prune)")
                        : info(name, p, at.get()));
            }
        }
        out.sort(Comparator.comparing(SnapshotInfo::takenAt));
        return out;
    }

    /** Deletes the snapshots retention does not keep, and unfinished ones; returns their names. */
    public List<String> prune() throws IOException {
        if (!Files.isDirectory(backupDir)) {
            return List.of();
        }
        try (BackupLock lock = BackupLock.acquire(backupDir)) {
            List<SnapshotInfo> all = list();
            Set<Instant> keep = retention.keep(all.stream().filter(SnapshotInfo::complete).map(SnapshotInfo::takenAt).toList());
            List<String> removed = new ArrayList<>();
            for (SnapshotInfo s : all) {
                if (!s.complete() || !keep.contains(s.takenAt())) {
                    deleteTree(s.path());
                    removed.add(s.path().getFileName().toString());
                }
            }
            return removed;
        }
    }

    /** Checks a snapshot against its manifest. */
    public SnapshotCheck.Report verify(Path snapshot) throws IOException {
        return SnapshotCheck.verify(snapshot);
    }

    /**
     * Puts the data directory back from a snapshot that {@link #verify} passed. Refuses while a mailwarden
     * process holds the data directory, and when it holds an archive unless {@code force} (which moves it aside).
     */
    public Restored restore(SnapshotCheck.Report verified, boolean force) throws IOException {
        return SnapshotRestore.restore(verified, dataDir, force, clock.instant());
    }

    private static SnapshotInfo info(String name, Path p, Instant at) {
        try (ManifestReader r = ManifestReader.open(p)) {
            return new SnapshotInfo(name, p, at, r.header(), null);
        } catch (NoSuchFileException e) {
            return new SnapshotInfo(name, p, at, null, "no manifest.json");
        } catch (IOException e) {
            return new SnapshotInfo(name, p, at, null, e.getMessage());
        }
    }

    private static Optional<Instant> takenAt(String name) {
        try {
            return Optional.of(Instant.from(NAMES.parse(name)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Deletes a directory tree (absent: nothing to do). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
