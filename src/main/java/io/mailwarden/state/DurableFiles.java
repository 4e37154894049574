package io.mailwarden.state;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The steps of a crash-safe write (write a temporary file, fsync it, rename it, fsync the directory), shared by
 * the raw store, the snapshots, the exports, the request directory and the API token.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /** What writes a file's content. */
    @FunctionalInterface
    public interface Content {

        /** Writes everything to {@code out} (closing it is allowed, not needed). */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code file} whole or not at all: into a temporary file beside it (named {@code file.….tmp}, created
     * with {@code attrs}), fsynced, renamed over {@code file}, the directory fsynced.
     */
    public static void writeAtomically(Path file, Content content, FileAttribute<?>... attrs) throws IOException {
        // unique among writers; not secret, so no SecureRandom
        Path tmp = file.resolveSibling(file.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        try {
            writeNew(tmp, content, attrs);
            moveIntoPlace(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
        fsyncDirectory(file.getParent());
    }

    /**
     * Writes the new {@code file} (a {@link java.nio.file.FileAlreadyExistsException} when it exists), created with
     * {@code attrs}, and fsyncs it.
     */
    public static void writeNew(Path file, Content content, FileAttribute<?>... attrs) throws IOException {
        Set<StandardOpenOption> create = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel ch = FileChannel.open(file, create, attrs)) {
            content.writeTo(new Unclosed(Channels.newOutputStream(ch)));
            ch.force(true); // on the descriptor that wrote: no second open on the raw store's path
        }
    }

    /** The channel's stream with {@code close} left to the channel, so a writer that closes its stream may. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
            // the channel is closed after the force
        }
    }

    /** Makes a written file's content durable (fsync works on the file, whichever descriptor wrote it). */
    public static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Renames the fsynced {@code tmp} to {@code file}, atomically where the file system can, replacing it. */
    public static void moveIntoPlace(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes a directory's entries (a rename) durable; a no-op where directories cannot be opened (Windows). */
    public static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not supported on this platform: as durable as the file system makes it
        }
    }
}
