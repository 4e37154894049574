package io.mailwarden.backup.export;

import io.mailwarden.archive.store.RawStore;
import io.mailwarden.backup.format.SafeNames;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.DurableFiles;
import io.mailwarden.state.LinkedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files exported messages link to instead of attaching them (Exmail's 文件中转站), which the archive
 * downloaded before the links expired: written beside the messages, under {@value #DIR} in the export's root, so
 * an export holds everything the archive does. An account's directory never starts with a dot ({@link SafeNames}),
 * so this one is never taken for an account, and the formats' readers go by the export's manifest.
 *
 * <p>Layout: {@code .linked-files/<SHA-256 of the file>/<its name>}, the file as downloaded; and {@value #LIST},
 * a line per message place and file (see {@link Row}). Into a previous export it adds what is missing and
 * overwrites nothing.
 */
public final class LinkedFileExport {

    /** The directory in the export's root. */
    public static final String DIR = ".linked-files";
    /** The list in {@link #DIR}. */
    public static final String LIST = "linked-files.tsv";
    static final String HEADER = "account\tfolder\tmessage_id\tmessage_sha256\tname\tfile\tsize\turl";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    /** A file's SHA-256, then one name that is not {@code .} or {@code ..}. */
    private static final Pattern FILE = Pattern.compile("[0-9a-f]{64}/(?!\\.\\.?$)[^/\\\\]+");

    private LinkedFileExport() {
    }

    /**
     * @param files linked files the exported messages carry
     * @param written of those, how many were written now (the others were there from an earlier export)
     */
    public record Result(int files, int written) {
    }

    /**
     * One line of {@value #LIST}: where the message lives (account, folder, Message-ID, SHA-256 of its bytes) and the
     * file its link led to (its name, its path relative to {@value #DIR}, its size, the link). Tabs, line breaks
     * and backslashes in a value are written {@code \t}, {@code \n}, {@code \r}, {@code \\}.
     */
    record Row(String account, String folder, String messageId, String messageHash, String name, String file,
            long size, String url) {

        String line() {
            return String.join("\t", escape(account), escape(folder), escape(messageId), messageHash, escape(name),
                    escape(file), Long.toString(size), escape(url));
        }

        /** The row a line holds; {@link IllegalArgumentException} saying what is wrong with it. */
        static Row parse(String line) {
            String[] c = line.split("\t", -1);
            if (c.length != 8) {
                throw new IllegalArgumentException("expected 8 tab-separated columns, found " + c.length);
            }
            if (!HASH.matcher(c[3]).matches()) {
                throw new IllegalArgumentException("message_sha256 is not a SHA-256: " + c[3]);
            }
            String file = unescape(c[5]);
            if (!FILE.matcher(file).matches()) {
                throw new IllegalArgumentException("file is not <SHA-256>/<name>: " + file);
            }
            long size;
            try {
                size = Long.parseLong(c[6]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("size is not a number: " + c[6]);
            }
            return new Row(unescape(c[0]), unescape(c[1]), unescape(c[2]), c[3], unescape(c[4]), file, size,
                    unescape(c[7]));
        }

        /** The SHA-256 of the file, from its path. */
        String fileHash() {
            return file.substring(0, file.indexOf('/'));
        }
    }

    /**
     * Writes the stored files of {@code stored} that {@code places} link to into {@code out}'s {@value #DIR}, and
     * lists them.
     *
     * @param stored the archive's stored linked files ({@code LinkedFileStore.stored()})
     * @param files the archive's store of them ({@code RawStore.files})
     * @throws IOException naming the file that could not be read or written
     */
    public static Result write(Path out, Collection<ArchivedLocation> places, List<LinkedFile> stored, RawStore files)
            throws IOException {
        Map<String, List<LinkedFile>> byMessage = new HashMap<>();
        for (LinkedFile f : stored) {
            if (f.status() == LinkedFile.Status.STORED && f.fileHash() != null) {
                byMessage.computeIfAbsent(f.messageHash(), h -> new ArrayList<>()).add(f);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (ArchivedLocation place : places) {
            for (LinkedFile f : byMessage.getOrDefault(place.contentHash(), List.of())) {
                rows.add(new Row(place.account(), place.folder(), place.messageId(), place.contentHash(), f.name(),
                        f.fileHash() + "/" + SafeNames.segment(f.name().isEmpty() ? "file" : f.name(), ""), f.size(),
                        f.url()));
            }
        }
        if (rows.isEmpty()) {
            return new Result(0, 0);
        }
        Path dir = Files.createDirectories(out.resolve(DIR));
        Set<String> seen = new LinkedHashSet<>();
        int copied = 0;
        for (Row row : rows) {
            Path file = dir.resolve(row.file());
            if (seen.add(row.file()) && !Files.exists(file)) {
                copy(files, row.fileHash(), file);
                copied++;
            }
        }
        list(dir.resolve(LIST), rows);
        return new Result(seen.size(), copied);
    }

    private static void copy(RawStore files, String hash, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            DurableFiles.writeAtomically(file, o -> {
                try (InputStream in = files.open(hash)) {
                    in.transferTo(o);
                }
            });
        } catch (NoSuchFileException e) {
            throw new IOException("linked file " + hash + " is missing from " + files.root() + "; run 'mailwarden verify'",
                    e);
        } catch (IOException e) {
            throw new IOException(file + ": cannot write the linked file " + hash + ": " + e.getMessage(), e);
        }
    }

    /** The list with the rows of an earlier export first, each line once. */
    private static void list(Path file, List<Row> rows) throws IOException {
        Set<String> lines = new LinkedHashSet<>();
        lines.add(HEADER);
        if (Files.exists(file)) {
            lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        }
        rows.forEach(r -> lines.add(r.line()));
        DurableFiles.writeAtomically(file, o -> o.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
