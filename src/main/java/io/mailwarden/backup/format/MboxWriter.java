package io.mailwarden.backup.format;

import io.mailwarden.backup.BackupMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/** Writes an mbox export: one mboxrd file per folder ({@link MboxFiles}), appended to when it exists. */
final class MboxWriter implements ExportWriter {

    private final ExportTree tree;
    private Place current;
    private OutputStream out;

    MboxWriter(ExportTree tree) {
        this.tree = tree;
    }

    @Override
    public void write(BackupMessage m) throws IOException {
        Place place = tree.place(m.account(), m.folder(), MboxFiles::layout);
        if (!place.equals(current)) {
            closeCurrent();
            Files.createDirectories(place.location().getParent());
            out = new BufferedOutputStream(Files.newOutputStream(place.location(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), 1 << 20);
            current = place;
            tree.save();
        }
        MboxFiles.write(m, out);
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
        tree.save();
    }

    private void closeCurrent() throws IOException {
        if (out != null) {
            out.close();
            out = null;
            current = null;
        }
    }
}
