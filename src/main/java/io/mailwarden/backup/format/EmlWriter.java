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
final class EmlWriter extends PlaceWriter {

    private Writer sidecar;
    private long next;

    EmlWriter(ExportTree tree) {
        super(tree, EmlFiles::layout);
    }

    @Override
    void write(Place place, BackupMessage m) throws IOException {
        while (true) {
            String name = String.format("%06d", next++) + EmlFiles.EXTENSION;
            Path file = place.location().resolve(name);
            try {
                writeNew(file, m.raw());
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
    void enter(Place place) throws IOException {
        Files.createDirectories(place.location());
        long last = 0;
        try (Stream<Path> files = Files.list(place.location())) {
            last = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("[0-9]+\\.eml"))
                    .mapToLong(n -> Long.parseLong(n.substring(0, n.length() - 4))).max().orElse(0);
        }
        next = last + 1;
        sidecar = Files.newBufferedWriter(place.location().resolve(EmlFiles.SIDECAR), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    void leave() throws IOException {
        if (sidecar != null) {
            sidecar.close();
            sidecar = null;
        }
    }
}
