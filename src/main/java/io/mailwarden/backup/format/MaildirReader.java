package io.mailwarden.backup.format;

import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource.Sink;
import io.mailwarden.backup.Spool;
import io.mailwarden.message.RawMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads Maildirs: the messages of {@code cur/} (flags from the info, keywords from
 * {@code dovecot-keywords}) and {@code new/} (no flags), in file name order, which starts with the
 * delivery time; the internal date is the file's modification time, as Dovecot takes it.
 */
final class MaildirReader {

    private MaildirReader() {
    }

    /** Whether {@code dir} is a Maildir. */
    static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) || Files.isDirectory(dir.resolve("new"));
    }

    /** The folders of a Maildir++ root: the root as INBOX, and each {@code .a.b} sub-Maildir. */
    static List<Place> discover(Path root, String account) throws IOException {
        List<Place> places = new ArrayList<>();
        places.add(new Place(root, account, "INBOX"));
        try (Stream<Path> subs = Files.list(root)) {
            subs.filter(p -> p.getFileName().toString().startsWith(".") && isMaildir(p)).sorted()
                    .forEach(p -> places.add(new Place(p, account, MaildirFiles.folderOf(p.getFileName().toString()))));
        }
        return places;
    }

    /** Gives every message of the Maildir of {@code place} to {@code sink}; a big one is read in place. */
    static void read(Place place, Spool spool, Sink sink) throws IOException {
        MaildirKeywords keywords = MaildirKeywords.of(place.location());
        List<Path> files = new ArrayList<>();
        for (String sub : new String[] {"cur", "new"}) {
            Path dir = place.location().resolve(sub);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    s.filter(p -> !p.getFileName().toString().startsWith(".") && Files.isRegularFile(p)).forEach(files::add);
                }
            }
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()));
        for (Path file : files) {
            RawMessage raw = spool.file(file);
            if (raw.size() == 0) {
                throw new IOException(file + ": empty file: not a message");
            }
            boolean isNew = file.getParent().getFileName().toString().equals("new");
            Set<String> flags = isNew ? Set.of()
                    : FlagLetters.fromMaildir(MaildirFiles.info(file.getFileName().toString()), keywords::name);
            sink.accept(new BackupMessage(place.account(), place.folder(), raw, flags,
                    Files.getLastModifiedTime(file).toInstant(), file.toString()));
        }
    }
}
