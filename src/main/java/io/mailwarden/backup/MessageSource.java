package io.mailwarden.backup;

import java.io.Closeable;
import java.io.IOException;

/** Messages to export, restore or import: the archive, or files in a standard format. */
public interface MessageSource extends Closeable {

    /** Receives messages one at a time. */
    @FunctionalInterface
    interface Sink {
        void accept(BackupMessage message) throws IOException;
    }

    /** How many messages {@link #forEach} will give, when known before reading them; else -1. */
    default long count() {
        return -1;
    }

    /**
     * Gives every message to {@code sink}, in a stable order (the same source read twice gives the same
     * order), and stops at the first exception the sink throws.
     *
     * @throws IOException when the source cannot be read; the message names the file or place
     */
    void forEach(Sink sink) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
