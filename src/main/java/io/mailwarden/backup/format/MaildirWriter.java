package io.mailwarden.backup.format;

import io.mailwarden.backup.BackupMessage;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Writes a Maildir++ export ({@link MaildirFiles}); keywords go to each folder's {@code dovecot-keywords}. */
final class MaildirWriter extends PlaceWriter {

    private final String unique = ProcessHandle.current().pid() + "Q";
    private MaildirKeywords words;
    private long counter;

    MaildirWriter(ExportTree tree) {
        super(tree, MaildirFiles::layout);
    }

    @Override
    void write(Place place, BackupMessage m) throws IOException {
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
                    + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + ".mailwarden,S=" + m.size();
            Path tmp = dir.resolve("tmp").resolve(name);
            Path cur = dir.resolve("cur").resolve(name + MaildirFiles.INFO + new String(sorted));
            try {
                writeNew(tmp, m.raw());
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            Files.setLastModifiedTime(tmp, FileTime.from(date));
            try {
                Files.move(tmp, cur); // without REPLACE_EXISTING: an existing file is never overwritten
                return;
            } catch (FileAlreadyExistsException e) {
                Files.delete(tmp);
            }
        }
    }

    @Override
    void leave() throws IOException {
        if (words != null) {
            words.save();
            words = null;
        }
    }

    @Override
    void enter(Place place) throws IOException {
        Path dir = place.location();
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        if (dir.getFileName().toString().startsWith(".") && !Files.exists(dir.resolve(MaildirFiles.FOLDER_MARK))) {
            Files.createFile(dir.resolve(MaildirFiles.FOLDER_MARK));
        }
        words = MaildirKeywords.of(dir); // read again: a folder visited twice keeps its letters
    }
}
