package io.mailwarden.backup.format;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * .eml exports as mailwarden writes them: folder {@code a/b} is directory {@code ACCOUNT/a/b}, each
 * message a file {@code 000001.eml} (numbered in the order written) holding exactly the archived bytes,
 * its modification time the internal date. Flags and internal dates are kept in the directory's
 * {@value #SIDECAR}: one line per file, {@code NAME<TAB>INTERNAL-DATE (ISO-8601, or empty)<TAB>FLAGS}
 * with the IMAP flags as written on the wire, space-separated. (Folder names never start with a dot, so
 * the file cannot clash with one.)
 */
final class EmlFiles {

    static final String EXTENSION = ".eml";
    static final String SIDECAR = ".mailwarden-flags.tsv";

    private EmlFiles() {
    }

    static String layout(String accountDir, List<String> levels) {
        return accountDir + "/" + levels.stream().map(l -> SafeNames.segment(l, "")).collect(Collectors.joining("/"));
    }

    /** One sidecar line. */
    static String line(String file, Instant internalDate, Set<String> flags) {
        return file + "\t" + (internalDate == null ? "" : internalDate.toString()) + "\t" + String.join(" ", flags) + "\n";
    }

    /** The flags and internal date of a file, as the sidecar gives them. */
    record Meta(Instant internalDate, Set<String> flags) {
        static final Meta NONE = new Meta(null, Set.of());
    }

    /** The sidecar of {@code dir} (empty when it has none). */
    static Map<String, Meta> sidecar(Path dir) throws IOException {
        Path file = dir.resolve(SIDECAR);
        Map<String, Meta> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line; (line = in.readLine()) != null;) {
                n++;
                String[] cols = line.split("\t", -1);
                if (cols.length != 3 || cols[0].isEmpty()) {
                    throw new IOException(file + ": line " + n + ": expected NAME<TAB>DATE<TAB>FLAGS, found '" + line + "'");
                }
                try {
                    Instant date = cols[1].isEmpty() ? null : Instant.parse(cols[1]);
                    Set<String> flags = cols[2].isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(cols[2].split(" ")));
                    out.put(cols[0], new Meta(date, flags));
                } catch (DateTimeParseException e) {
                    throw new IOException(file + ": line " + n + ": '" + cols[1] + "' is not an ISO-8601 instant", e);
                }
            }
        }
        return out;
    }
}
