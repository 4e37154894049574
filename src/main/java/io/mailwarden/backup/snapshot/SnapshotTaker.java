package io.mailwarden.backup.snapshot;

import io.mailwarden.state.ContentHash;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Fills one snapshot directory from a data directory, in the order that keeps it consistent: the index
 * commit first, then the state database, then the raw messages that copy of the catalog refers to (a
 * message is stored before its row, so each is there) and the files messages link to. The index commit may lag or lead the catalog by
 * the places being archived meanwhile; a restore brings it in line, as the daemon's start does. Every file
 * goes into the manifest.
 */
final class SnapshotTaker {

    static final String LUCENE = "lucene";
    static final String STATE_ZIP = "state/h2-backup.zip";
    private static final Logger LOG = Logger.getLogger("mailwarden.backup");
    private static final int INDEX_ATTEMPTS = 5;
    /** A stored file no catalogued place names, older than this, is a crash's leftover (kept), not one in flight. */
    private static final Duration SETTLED = Duration.ofMinutes(10);

    private final Path dataDir;
    private final String version;
    private final Clock clock;
    private final Transfer transfer;

    SnapshotTaker(Path dataDir, String version, Clock clock, boolean linkToData) {
        this.dataDir = dataDir;
        this.version = version;
        this.clock = clock;
        this.transfer = new Transfer(linkToData);
    }

    /** Fills {@code dir} (empty) and writes its manifest; {@code previous} is the last snapshot, or null. */
    Manifest take(Path dir, String name, Path previous, IndexSource index, StateSource state) throws IOException {
        Instant started = clock.instant();
        Instant wallClock = Instant.now(); // compared with file times, whatever clock names the snapshot
        try (ManifestWriter manifest = new ManifestWriter(dir)) {
            List<Manifest.Entry> indexFiles = new ArrayList<>();
            long generation = copyIndex(dir, index, indexFiles);
            for (Manifest.Entry e : indexFiles) {
                manifest.add(e);
            }
            Path zip = dir.resolve(STATE_ZIP);
            Files.createDirectories(zip.getParent());
            boolean withState = state.backupTo(zip);
            if (withState) {
                manifest.add(hashed(dir, STATE_ZIP));
            } else {
                Files.delete(zip.getParent());
                LOG.warn("backup: the state store is not an embedded H2 database: the snapshot holds the messages and"
                        + " the index only; back the database up with its own tools");
            }
            long fromPrevious = copyMessages(dir, previous, withState ? zip : null, wallClock, manifest)
                    + copyLinkedFiles(dir, previous, manifest);
            copyOtherFiles(dir, manifest);
            return manifest.finish(new Manifest(name, started, version, dataDir.toAbsolutePath().toString(), generation,
                    withState ? "h2" : "none", new Manifest.Counts(0, fromPrevious, indexFiles.size(), 0, 0)));
        }
    }

    /** Copies the index commit; a commit whose files a writer in another process deleted meanwhile is retried. */
    private long copyIndex(Path dir, IndexSource source, List<Manifest.Entry> entries) throws IOException {
        for (int attempt = 1;; attempt++) {
            try (IndexSource.Commit commit = source.pin()) {
                if (commit == null) {
                    return -1;
                }
                Path to = Files.createDirectories(dir.resolve(LUCENE));
                try {
                    for (String f : commit.files()) {
                        transfer.place(commit.dir().resolve(f), to.resolve(f));
                        entries.add(hashed(dir, LUCENE + "/" + f));
                    }
                    return commit.generation();
                } catch (NoSuchFileException e) {
                    if (commit.pinned() || attempt == INDEX_ATTEMPTS) {
                        throw new IOException("index file " + e.getFile() + " vanished while it was copied (" + attempt
                                + " attempt(s))", e);
                    }
                    entries.clear();
                    Snapshots.deleteTree(to); // the writer committed again: copy its newer commit
                }
            }
        }
    }

    /**
     * Merges the catalog's hashes (ascending; null: take every stored file) with the stored files (ascending).
     *
     * @return how many were linked to the previous snapshot's copy
     */
    private long copyMessages(Path dir, Path previous, Path stateZip, Instant started, ManifestWriter manifest)
            throws IOException {
        long fromPrevious = 0;
        long missing = 0;
        long inFlight = 0;
        try (CatalogHashes catalog = stateZip == null ? null : catalog(stateZip);
                Stream<String> stored = MessageFiles.sortedHashes(dataDir)) {
            Iterator<String> files = stored.iterator();
            String r = next(catalog);
            String f = next(files);
            while (r != null || f != null) {
                int cmp = r == null ? 1 : f == null ? -1 : r.compareTo(f);
                if (cmp < 0) {
                    missing++;
                    r = next(catalog);
                    continue;
                }
                if (cmp == 0 || catalog == null || settled(f, started)) {
                    fromPrevious += copyMessage(dir, previous, f, manifest) ? 1 : 0;
                } else {
                    inFlight++;
                }
                r = cmp == 0 ? next(catalog) : r;
                f = next(files);
            }
        }
        if (missing > 0) {
            LOG.warnf("backup: %d catalogued message(s) are missing from %s: the snapshot cannot hold them (run"
                    + " 'mailwarden verify')", missing, dataDir.resolve(MessageFiles.DIR));
        }
        if (inFlight > 0) {
            LOG.debugf("backup: %d message(s) stored while the snapshot was taken go into the next one", inFlight);
        }
        return fromPrevious;
    }

    /**
     * Copies every stored file that messages link to: a file is stored before its row names it, so each one the
     * copied catalog names is there (one stored since goes along, unnamed until the next snapshot's catalog).
     *
     * @return how many were linked to the previous snapshot's copy
     */
    private long copyLinkedFiles(Path dir, Path previous, ManifestWriter manifest) throws IOException {
        long fromPrevious = 0;
        try (Stream<String> stored = MessageFiles.sortedLinkedHashes(dataDir)) {
            for (Iterator<String> it = stored.iterator(); it.hasNext();) {
                String hash = it.next();
                fromPrevious += copyStored(dir, previous, MessageFiles.linkedRelative(hash), hash, manifest) ? 1 : 0;
            }
        }
        return fromPrevious;
    }

    private boolean copyMessage(Path dir, Path previous, String hash, ManifestWriter manifest) throws IOException {
        return copyStored(dir, previous, MessageFiles.relative(hash), hash, manifest);
    }

    /** A gzip file of the raw store, named by the hash of its content: checked by that hash, not read now. */
    private boolean copyStored(Path dir, Path previous, String rel, String hash, ManifestWriter manifest)
            throws IOException {
        Path dest = dir.resolve(rel);
        Files.createDirectories(dest.getParent());
        boolean linked = transfer.placeFrom(previous == null ? null : previous.resolve(rel), dataDir.resolve(rel), dest);
        manifest.add(new Manifest.Entry(rel, Files.size(dest), null, hash));
        return linked;
    }

    /** Top-level files of the data directory (the HTTP token, a README): small and maybe rewritten, so copied. */
    private void copyOtherFiles(Path dir, ManifestWriter manifest) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dataDir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            transfer.copy(f, dir.resolve(name));
            manifest.add(hashed(dir, name));
        }
    }

    private boolean settled(String hash, Instant started) throws IOException {
        Instant written = Files.getLastModifiedTime(dataDir.resolve(MessageFiles.relative(hash))).toInstant();
        return written.isBefore(started.minus(SETTLED));
    }

    private static CatalogHashes catalog(Path zip) {
        try {
            return CatalogHashes.open(zip);
        } catch (IOException e) {
            LOG.warnf("backup: %s; the snapshot takes every stored message", e.getMessage());
            return null;
        }
    }

    static Manifest.Entry hashed(Path dir, String rel) throws IOException {
        Path file = dir.resolve(rel);
        try (InputStream in = Files.newInputStream(file)) {
            return new Manifest.Entry(rel, Files.size(file), ContentHash.of(in), null);
        }
    }

    private static String next(Iterator<String> it) {
        return it != null && it.hasNext() ? it.next() : null;
    }
}
