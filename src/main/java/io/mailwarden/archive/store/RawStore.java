package io.mailwarden.archive.store;

import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ContentHash;
import io.mailwarden.state.DurableFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The raw messages, exactly as fetched, content-addressed by SHA-256 and gzip-compressed:
 * {@code messages/ab/cd/abcd…64 hex….eml.gz}, so {@code zcat} gives the .eml back without mailwarden.
 * A message is written to a temporary file in its final directory, fsynced, renamed into place and the
 * directory fsynced: after a crash a file is either whole under its name or a {@code .tmp} leftover
 * that {@link #repair} removes. The same bytes are stored once however many places they live in.
 * Messages too big to hold in memory pass through {@link #spool()}, whose stale files {@link #repair} removes.
 */
public final class RawStore {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final String MESSAGE_SUFFIX = ".eml.gz";
    private static final String TMP = ".tmp";

    /** A stored message bigger than this is {@linkplain #load loaded} into a spool file, not into memory. */
    public static final long IN_MEMORY_MAX = 8L << 20;

    /** How long a spool file stays untouched before {@link #repair} takes it for a crash's leftover. */
    public static final Duration SPOOL_STALE = Duration.ofHours(1);

    private final Path root;
    private final Path spool;
    private final String suffix;

    public RawStore(Path dataDir) {
        this(dataDir.resolve("messages"), dataDir.resolve("spool"), MESSAGE_SUFFIX);
    }

    private RawStore(Path root, Path spool, String suffix) {
        this.root = root;
        this.spool = spool;
        this.suffix = suffix;
    }

    /**
     * The files messages link to instead of attaching them (see {@code archive.linked}), kept the same way:
     * {@code files/ab/cd/abcd…64 hex….gz}; their names are in the catalog ({@code archive_linked_file}).
     */
    public static RawStore files(Path dataDir) {
        return new RawStore(dataDir.resolve("files"), dataDir.resolve("spool"), ".gz");
    }

    public Path root() {
        return root;
    }

    /** Where messages too big to hold in memory are spooled on their way in or out: scratch space only. */
    public Path spool() {
        return spool;
    }

    /** Stores {@code raw} unless the same bytes are there already; returns where it is. */
    public Stored put(byte[] raw) throws IOException {
        return put(raw, null);
    }

    /**
     * As {@link #put(byte[])}, but when {@code unsyncedDirs} is given the new file's directory is added to
     * it instead of being fsynced: the caller batches those fsyncs with {@link #syncDirectories} (the first
     * commits the file system's journal, the rest find little left to do) before anything names the file.
     */
    public Stored put(byte[] raw, Set<Path> unsyncedDirs) throws IOException {
        return put(RawMessage.of(raw), unsyncedDirs);
    }

    /** As {@link #put(byte[], Set)}; a spooled message is hashed and compressed as a stream. */
    public Stored put(RawMessage raw, Set<Path> unsyncedDirs) throws IOException {
        String hash = raw.sha256();
        Path file = path(hash);
        if (Files.exists(file)) {
            return new Stored(hash, raw.size(), false);
        }
        Path dir = file.getParent();
        Files.createDirectories(dir);
        // unique among writers (CREATE_NEW fails loudly otherwise); not secret, so no SecureRandom per message
        Path tmp = dir.resolve(hash + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + TMP);
        try {
            DurableFiles.writeNew(tmp, out -> Gzip.write(raw, out));
            DurableFiles.moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (unsyncedDirs == null) {
            DurableFiles.fsyncDirectory(dir);
        } else {
            unsyncedDirs.add(dir);
        }
        return new Stored(hash, raw.size(), true);
    }

    /**
     * The stored message of {@code hash}, whose raw size is {@code size}: in memory, or over
     * {@link #IN_MEMORY_MAX} decompressed into a spool file (the caller closes it, which deletes the file).
     */
    public RawMessage load(String hash, long size) throws IOException {
        if (size <= IN_MEMORY_MAX) {
            return RawMessage.of(read(hash));
        }
        return RawMessage.spool(spool, "load-" + hash.substring(0, 12), file -> {
            try (InputStream in = open(hash)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        });
    }

    /**
     * Deletes the stored bytes of {@code hash}. The archive never deletes what a place names: this is for bytes
     * no place names any more, those of an account the catalog was told to forget (the demo's fresh start).
     */
    public void discard(String hash) throws IOException {
        Files.deleteIfExists(path(hash));
    }

    /** Makes the renames into these directories durable. */
    public void syncDirectories(Collection<Path> dirs) {
        dirs.forEach(DurableFiles::fsyncDirectory);
    }

    /** The stored bytes of {@code hash}; {@link NoSuchFileException} when it is not stored. */
    public byte[] read(String hash) throws IOException {
        try (InputStream in = open(hash)) {
            return in.readAllBytes();
        }
    }

    /** A stream of the stored bytes, decompressed. */
    public InputStream open(String hash) throws IOException {
        return new GZIPInputStream(Files.newInputStream(path(hash)), 64 * 1024);
    }

    public boolean contains(String hash) {
        return Files.exists(path(hash));
    }

    /** Whether the stored bytes still hash to their name (false when unreadable or altered). */
    public boolean intact(String hash) {
        try (InputStream in = open(hash)) {
            return ContentHash.of(in).equals(hash);
        } catch (IOException e) {
            return false;
        }
    }

    /** Every stored hash, in no particular order. */
    public Stream<String> hashes() throws IOException {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        return Files.walk(root, 3)
                .map(p -> p.getFileName().toString())
                .filter(n -> n.endsWith(suffix))
                .map(n -> n.substring(0, n.length() - suffix.length()))
                .filter(h -> HASH.matcher(h).matches());
    }

    /**
     * Removes temporary files a crash left behind; returns how many. Spool files are removed once untouched for
     * {@link #SPOOL_STALE}: {@code export} and {@code restore} run beside the daemon and spool big messages
     * here too, so a daemon starting meanwhile must not take theirs.
     */
    public int repair() throws IOException {
        List<Path> leftovers = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> all = Files.walk(root, 3)) {
                all.filter(p -> p.getFileName().toString().endsWith(TMP)).forEach(leftovers::add);
            }
        }
        FileTime stale = FileTime.from(Instant.now().minus(SPOOL_STALE));
        if (Files.isDirectory(spool)) {
            try (Stream<Path> all = Files.walk(spool)) {
                all.filter(p -> Files.isRegularFile(p) && modified(p).compareTo(stale) < 0).forEach(leftovers::add);
            }
        }
        for (Path p : leftovers) {
            Files.deleteIfExists(p);
        }
        return leftovers.size();
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException gone) {
            return FileTime.fromMillis(Long.MAX_VALUE); // removed by its owner meanwhile: not a leftover
        }
    }

    /** The file of {@code hash}: two directory levels from its first four hex digits. */
    public Path path(String hash) {
        if (!HASH.matcher(hash).matches()) {
            throw new IllegalArgumentException("not a SHA-256 content hash: " + hash);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash + suffix);
    }

    /**
     * @param hash the content hash (the file's name)
     * @param size the raw size in bytes
     * @param written false when the same bytes were stored before
     */
    public record Stored(String hash, long size, boolean written) {
    }
}
