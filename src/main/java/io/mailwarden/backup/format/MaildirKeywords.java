package io.mailwarden.backup.format;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Maildir's keywords as Dovecot keeps them: file {@code dovecot-keywords}, lines {@code N name}, keyword
 * N written as the letter {@code a}+N in the info. Only 26 fit; further keywords of a folder are not kept.
 */
final class MaildirKeywords {

    static final String FILE = "dovecot-keywords";
    static final int MAX = 26;

    private final Path file;
    private final List<String> names = new ArrayList<>();
    private boolean changed;

    private MaildirKeywords(Path file) {
        this.file = file;
    }

    /** The keywords of the Maildir at {@code dir} (none when it has no file). */
    static MaildirKeywords of(Path dir) throws IOException {
        MaildirKeywords k = new MaildirKeywords(dir.resolve(FILE));
        if (Files.exists(k.file)) {
            List<String> lines = Files.readAllLines(k.file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                String[] parts = lines.get(i).strip().split(" ", 2);
                try {
                    int n = Integer.parseInt(parts[0]);
                    if (n < 0 || n >= MAX || parts.length < 2) {
                        throw new NumberFormatException();
                    }
                    while (k.names.size() <= n) {
                        k.names.add(null);
                    }
                    k.names.set(n, parts[1]);
                } catch (NumberFormatException e) {
                    throw new IOException(k.file + ": line " + (i + 1) + ": expected 'N keyword' with N from 0 to 25, found '"
                            + lines.get(i) + "'");
                }
            }
        }
        return k;
    }

    /** The keyword of letter index {@code n}, or null. */
    String name(int n) {
        return n < names.size() ? names.get(n) : null;
    }

    /** The letter for {@code keyword}, numbering it when new; 0 when all 26 are taken. */
    char letter(String keyword) {
        int n = names.indexOf(keyword);
        if (n < 0) {
            n = names.indexOf(null);
            if (n < 0 && names.size() >= MAX) {
                return 0;
            }
            if (n < 0) {
                n = names.size();
                names.add(keyword);
            } else {
                names.set(n, keyword);
            }
            changed = true;
        }
        return (char) ('a' + n);
    }

    void save() throws IOException {
        if (!changed) {
            return;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) != null) {
                out.append(i).append(' ').append(names.get(i)).append('\n');
            }
        }
        Files.writeString(file, out, StandardCharsets.UTF_8);
        changed = false;
    }
}
