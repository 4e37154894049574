package io.mailwarden.backup.format;

import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource.Sink;
import io.mailwarden.backup.Spool;
import io.mailwarden.message.RawMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Reads directories of .eml files, with flags and internal dates from their sidecar when there is one. */
final class EmlReader {

    private EmlReader() {
    }

    /** Every directory under {@code root} holding .eml files, the folder its path from {@code root}. */
    static List<Place> discover(Path root) throws IOException {
        List<Path> dirs;
        try (Stream<Path> all = Files.walk(root)) {
            dirs = all.filter(Files::isDirectory).sorted().toList();
        }
        List<Place> places = new ArrayList<>();
        for (Path dir : dirs) {
            if (!emlFiles(dir).isEmpty()) {
                places.add(new Place(dir, "", root.relativize(dir).toString().replace('\\', '/')));
            }
        }
        return places;
    }

    /** Gives every .eml message of the directory of {@code place} to {@code sink}, in file name order. */
    static void read(Place place, Spool spool, Sink sink) throws IOException {
        Map<String, EmlFiles.Meta> meta = EmlFiles.sidecar(place.location());
        for (Path file : emlFiles(place.location())) {
            EmlFiles.Meta m = meta.getOrDefault(file.getFileName().toString(), EmlFiles.Meta.NONE);
            sink.accept(message(place, file, m, spool));
        }
    }

    /** One .eml file as a message (a big one read in place). */
    static BackupMessage message(Place place, Path file, EmlFiles.Meta meta, Spool spool) throws IOException {
        RawMessage raw = spool.file(file);
        if (raw.size() == 0) {
            throw new IOException(file + ": empty file: not a message");
        }
        return new BackupMessage(place.account(), place.folder(), raw, meta.flags(), meta.internalDate(), file.toString());
    }

    private static List<Path> emlFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(EmlFiles.EXTENSION)
                    && Files.isRegularFile(p)).sorted().toList();
        }
    }
}
