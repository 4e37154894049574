package io.mailwarden.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The raw RFC 5322 bytes of one message: held in memory, or, for a message too big to hold (any size a
 * server may have), spooled to a file that {@link #close} deletes. Whoever reads it streams it, so a spooled
 * message never becomes one array.
 */
public sealed interface RawMessage extends AutoCloseable permits RawMessage.InMemory, RawMessage.Spooled {

    /** The bytes the header fields are looked for in (a longer header section is cut there). */
    int HEAD = 256 * 1024;

    static RawMessage of(byte[] bytes) {
        return new InMemory(bytes);
    }

    /** The message in {@code file}, which the returned value owns: {@link #close} deletes it. */
    static RawMessage spooled(Path file) throws IOException {
        return new Spooled(file, Files.size(file));
    }

    /**
     * The message that is the whole of {@code file}, read where it is (a Maildir or .eml file): the returned
     * value does not own the file, {@link #close} leaves it.
     */
    static RawMessage inPlace(Path file) throws IOException {
        return new Spooled(file, Files.size(file), false);
    }

    /**
     * A message written by {@code fill} into a new spool file {@code what-….eml} in {@code dir} (created when
     * missing), which the returned value owns; null when {@code fill} found no message. When {@code fill} fails or
     * finds none the file is deleted: nothing is left behind.
     */
    static <E extends Exception> RawMessage spool(Path dir, String what, Fill<E> fill) throws IOException, E {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, what + "-", ".eml");
        boolean kept = false;
        try {
            RawMessage m = fill.into(file) ? spooled(file) : null;
            kept = m != null;
            return m;
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** What writes a message into its spool file (see {@link #spool}). */
    @FunctionalInterface
    interface Fill<E extends Exception> {

        /** Writes the message into {@code file}; false when there is none after all (it was expunged meanwhile). */
        boolean into(Path file) throws IOException, E;
    }

    long size();

    /** A new stream of the bytes from the start; the caller closes it. */
    InputStream open() throws IOException;

    /** SHA-256 of the bytes, as 64 lower-case hex digits: the name the archive stores them by. */
    default String sha256() throws IOException {
        try (InputStream in = open()) {
            return Sha256.of(in);
        }
    }

    /** Writes the bytes to {@code out}, which stays open. */
    default void writeTo(OutputStream out) throws IOException {
        try (InputStream in = open()) {
            in.transferTo(out);
        }
    }

    /** Up to the first {@link #HEAD} bytes: what header fields are read from without parsing the message. */
    byte[] head();

    /** Frees what holds the bytes (deletes a spool file); the message cannot be read afterwards. */
    @Override
    void close();

    /** A message held in memory: the watcher's, and any that fits a fetch. */
    record InMemory(byte[] bytes) implements RawMessage {

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public String sha256() {
            return Sha256.of(bytes);
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            out.write(bytes);
        }

        @Override
        public byte[] head() {
            return bytes.length <= HEAD ? bytes : Arrays.copyOf(bytes, HEAD);
        }

        @Override
        public void close() {
            // garbage once unreferenced
        }
    }

    /**
     * A message in a file: a spool file of its own, or ({@code owned} false) a file it was read from in place.
     *
     * @param owned whether {@link #close} deletes the file
     */
    record Spooled(Path file, long size, boolean owned) implements RawMessage {

        /** A spool file of its own. */
        public Spooled(Path file, long size) {
            this(file, size, true);
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public byte[] head() {
            try (InputStream in = open()) {
                return in.readNBytes(HEAD);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the spooled message " + file + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            if (!owned) {
                return;
            }
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // left for the start-up clean-up of the spool directory
            }
        }
    }
}
