package io.mailwarden.backup.format;

import io.mailwarden.backup.BackupMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/** Writes an mbox export: one mboxrd file per folder ({@link MboxFiles}), appended to when it exists. */
final class MboxWriter extends PlaceWriter {

    private OutputStream out;

    MboxWriter(ExportTree tree) {
        super(tree, MboxFiles::layout);
    }

    @Override
    void enter(Place place) throws IOException {
        Files.createDirectories(place.location().getParent());
        out = new BufferedOutputStream(Files.newOutputStream(place.location(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), 1 << 20);
    }

    @Override
    void write(Place place, BackupMessage m) throws IOException {
        MboxFiles.write(m, out);
    }

    @Override
    void leave() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
