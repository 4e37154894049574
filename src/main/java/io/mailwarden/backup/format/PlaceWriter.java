package io.mailwarden.backup.format;

import io.mailwarden.backup.BackupMessage;
import io.mailwarden.message.RawMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.BiFunction;

/**
 * What the format writers share: each message goes to its account's folder in the tree, and the writer
 * is told when it moves from one folder to another (messages come grouped by folder, so it keeps one open).
 */
abstract class PlaceWriter implements ExportWriter {

    private final ExportTree tree;
    private final BiFunction<String, List<String>, String> layout;
    private Place current;

    PlaceWriter(ExportTree tree, BiFunction<String, List<String>, String> layout) {
        this.tree = tree;
        this.layout = layout;
    }

    @Override
    public final void write(BackupMessage m) throws IOException {
        Place place = tree.place(m.account(), m.folder(), layout);
        if (!place.equals(current)) {
            leave();
            current = null;
            enter(place);
            current = place;
            tree.save(); // the manifest names a folder before its first message is written
        }
        write(place, m);
    }

    @Override
    public final void close() throws IOException {
        leave();
        current = null;
        tree.save();
    }

    /** Messages of {@code place} follow. */
    abstract void enter(Place place) throws IOException;

    /** No more messages for the current folder for now (nothing to do when there is none). */
    abstract void leave() throws IOException;

    abstract void write(Place place, BackupMessage m) throws IOException;

    /**
     * Writes the message's bytes into the new file {@code file} (a {@link java.nio.file.FileAlreadyExistsException}
     * when it exists: nothing is ever overwritten); a file left half written by an error is removed.
     */
    static void writeNew(Path file, RawMessage raw) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            try {
                raw.writeTo(out);
            } catch (IOException | RuntimeException e) {
                out.close();
                Files.deleteIfExists(file);
                throw e;
            }
        }
    }
}
