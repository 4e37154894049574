package io.mailwarden.backup.snapshot;

import io.mailwarden.state.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Puts a data directory back from a verified snapshot: everything is copied into a sibling
 * {@code <data>.restoring} directory first, then the old data directory (if it holds anything) is moved aside
 * to {@code <data>.before-restore-<time>} — never deleted — and the new one renamed into place, so an
 * interrupted restore leaves the old data directory as it was.
 */
final class SnapshotRestore {

    /** What a data directory must not hold for a restore without {@code --force}. */
    private static final List<String> ARCHIVE_PARTS = List.of(MessageFiles.DIR, MessageFiles.LINKED_DIR,
            SnapshotTaker.LUCENE, "state");

    private SnapshotRestore() {
    }

    static Snapshots.Restored restore(SnapshotCheck.Report verified, Path dataDir, boolean force, Instant now)
            throws IOException {
        if (!verified.ok()) {
            throw new SnapshotException("the snapshot " + verified.snapshot() + " does not match its manifest ("
                    + verified.problems().size() + " problem(s)); restore an older snapshot");
        }
        Path data = dataDir.toAbsolutePath().normalize();
        InUse.refuseIfRunning(data);
        boolean holdsArchive = ARCHIVE_PARTS.stream().anyMatch(p -> Files.exists(data.resolve(p)));
        if (holdsArchive && !force) {
            throw new SnapshotException("the data directory " + data + " already holds an archive (messages, index or"
                    + " state); with --force it is moved aside, not deleted, and the snapshot restored in its place");
        }
        Path target = data.resolveSibling(data.getFileName() + ".restoring");
        Snapshots.deleteTree(target); // what an interrupted restore left
        Files.createDirectories(target);
        fill(verified.snapshot(), target);
        Path aside = null;
        if (Files.exists(data)) {
            if (isEmpty(data)) {
                Files.delete(data);
            } else {
                aside = data.resolveSibling(data.getFileName() + ".before-restore-" + Snapshots.NAMES.format(now));
                Files.move(data, aside);
            }
        }
        DurableFiles.moveIntoPlace(target, data);
        DurableFiles.fsyncDirectory(data.getParent());
        return new Snapshots.Restored(data, verified.manifest(), aside);
    }

    private static void fill(Path snapshot, Path target) throws IOException {
        Transfer copies = new Transfer(false); // a restored archive shares no file with its backups
        try (ManifestReader manifest = ManifestReader.open(snapshot)) {
            manifest.entries(e -> {
                Path to = SnapshotCheck.resolve(target, e.path());
                if (e.path().equals(SnapshotTaker.STATE_ZIP)) {
                    unzip(snapshot.resolve(e.path()), target.resolve("state"));
                } else {
                    Files.createDirectories(to.getParent());
                    copies.copy(snapshot.resolve(e.path()), to);
                }
            });
        }
    }

    /** H2's backup holds the database files relative to its directory. */
    private static void unzip(Path zip, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                Path to = SnapshotCheck.resolve(dir, e.getName());
                if (to == null) {
                    throw new IOException("the state backup " + zip + " holds a path outside its directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    DurableFiles.writeNew(to, in::transferTo);
                }
            }
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
