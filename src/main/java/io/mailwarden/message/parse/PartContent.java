package io.mailwarden.message.parse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A decoded attachment, as an extractor gets it: in memory, or, when too big to hold, decoded into a spool
 * file that stays its owner's ({@link BodyCollector} deletes it once the text is out).
 */
public sealed interface PartContent {

    static PartContent of(byte[] bytes) {
        return new Bytes(bytes);
    }

    static PartContent of(Path file) {
        return new File(file);
    }

    /** Its size in bytes. */
    long size();

    InputStream open() throws IOException;

    /** At most {@code max} bytes from its start. */
    default byte[] start(int max) {
        try (InputStream in = open()) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Content held in memory. */
    record Bytes(byte[] bytes) implements PartContent {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public byte[] start(int max) {
            return bytes.length <= max ? bytes : java.util.Arrays.copyOf(bytes, max);
        }
    }

    /** Content in a file. */
    record File(Path path) implements PartContent {
        @Override
        public long size() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }
    }
}
