package io.mailwarden.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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

    long size();

    /** A new stream of the bytes from the start; the caller closes it. */
    InputStream open() throws IOException;

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
