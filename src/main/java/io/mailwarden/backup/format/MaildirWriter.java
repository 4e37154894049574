package io.mailwarden.backup.format;

import io.mailwarden.backup.BackupMessage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a Maildir++ export ({@link MaildirFiles}); keywords go to each folder's {@code dovecot-keywords}. */
final class MaildirWriter implements ExportWriter {

    private final ExportTree tree;
    private final Map<Place, MaildirKeywords> keywords = new HashMap<>();
    private final String unique = ProcessHandle.current().pid() + "Q";
    private long counter;

    MaildirWriter(ExportTree tree) {
        this.tree = tree;
    }

    @Override
    public void write(BackupMessage m) throws IOException {
        Place place = tree.place(m.account(), m.folder(), MaildirFiles::layout);
        MaildirKeywords words = keywords.get(place);
        if (words == null) {
            words = open(place);
        }
        StringBuilder info = new StringBuilder(FlagLetters.maildir(m.flags()));
        for (String flag : m.flags()) {
            char letter = flag.startsWith("\\") || FlagLetters.isMaildirLetter(flag) ? 0 : words.letter(flag);
            if (letter != 0) {
                info.append(letter);
            }
        }
        char[] sorted = info.toString().toCharArray();
        Arrays.sort(sorted);
        Path dir = place.location();
        Instant date = m.internalDate() != null ? m.internalDate() : Instant.now();
        while (true) {
            String name = date.getEpochSecond() + ".P" + unique + (++counter) + "R"
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".mailwarden,S=" + m.raw().length;
            Path tmp = dir.resolve("tmp").resolve(name);
            Path cur = dir.resolve("cur").resolve(name + MaildirFiles.INFO + new String(sorted));
            try {
                Files.write(tmp, m.raw(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            Files.setLastModifiedTime(tmp, FileTime.from(date));
            if (Files.exists(cur)) {
                Files.delete(tmp);
                continue;
            }
            Files.move(tmp, cur);
            return;
        }
    }

    @Override
    public void close() throws IOException {
        for (MaildirKeywords k : keywords.values()) {
            k.save();
        }
        tree.save();
    }

    private MaildirKeywords open(Place place) throws IOException {
        Path dir = place.location();
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        if (dir.getFileName().toString().startsWith(".") && !Files.exists(dir.resolve(MaildirFiles.FOLDER_MARK))) {
            Files.createFile(dir.resolve(MaildirFiles.FOLDER_MARK));
        }
        MaildirKeywords k = MaildirKeywords.of(dir);
        keywords.put(place, k);
        tree.save();
        return k;
    }
}
