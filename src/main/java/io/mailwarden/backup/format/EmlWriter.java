package io.mailwarden.backup.format;

import io.mailwarden.backup.BackupMessage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;

/** Writes an .eml export ({@link EmlFiles}): numbering goes on after the files already in a folder. */
final class EmlWriter implements ExportWriter {

    private final ExportTree tree;
    private Place current;
    private Writer sidecar;
    private long next;

    EmlWriter(ExportTree tree) {
        this.tree = tree;
    }

    @Override
    public void write(BackupMessage m) throws IOException {
        Place place = tree.place(m.account(), m.folder(), EmlFiles::layout);
        if (!place.equals(current)) {
            open(place);
        }
        while (true) {
            String name = String.format("%06d", next++) + EmlFiles.EXTENSION;
            Path file = place.location().resolve(name);
            try {
                Files.write(file, m.raw(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue; // a subfolder's directory or a file of an earlier export: never overwritten
            }
            if (m.internalDate() != null) {
                Files.setLastModifiedTime(file, FileTime.from(m.internalDate()));
            }
            sidecar.write(EmlFiles.line(name, m.internalDate(), m.flags()));
            return;
        }
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
        tree.save();
    }

    private void open(Place place) throws IOException {
        closeCurrent();
        Files.createDirectories(place.location());
        long last = 0;
        try (Stream<Path> files = Files.list(place.location())) {
            last = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]+\\.eml"))
                    .mapToLong(n -> Long.parseLong(n.substring(0, n.length() - 4))).max().orElse(0);
        }
        next = last + 1;
        sidecar = Files.newBufferedWriter(place.location().resolve(EmlFiles.SIDECAR), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        current = place;
        tree.save();
    }

    private void closeCurrent() throws IOException {
        if (sidecar != null) {
            sidecar.close();
            sidecar = null;
            current = null;
        }
    }
}
