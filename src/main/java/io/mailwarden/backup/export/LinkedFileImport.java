package io.mailwarden.backup.export;

import io.mailwarden.archive.Archive;
import io.mailwarden.archive.linked.LinkedFiles;
import io.mailwarden.backup.export.LinkedFileExport.Row;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Takes back the linked files an export holds ({@link LinkedFileExport}): each is kept in the archive as the file
 * its message's link leads to, so a message imported from the export is indexed with it, as in the archive it was
 * exported from, even once the link has expired.
 */
public final class LinkedFileImport {

    private final Path dir;
    private final List<Row> rows;

    private LinkedFileImport(Path dir, List<Row> rows) {
        this.dir = dir;
        this.rows = rows;
    }

    /**
     * @param files the files listed
     * @param stored of those, how many the archive did not hold yet
     */
    public record Result(int files, int stored) {
    }

    /**
     * The linked files of the export at {@code path}: none when it is not an export's root or holds none.
     *
     * @throws IOException naming the list and its line when a line is malformed
     */
    public static LinkedFileImport of(Path path) throws IOException {
        Path dir = path.resolve(LinkedFileExport.DIR);
        Path list = dir.resolve(LinkedFileExport.LIST);
        if (!Files.isDirectory(path) || !Files.isRegularFile(list)) {
            return new LinkedFileImport(dir, List.of());
        }
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(list, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                n++;
                if (line.isEmpty() || line.equals(LinkedFileExport.HEADER)) {
                    continue;
                }
                try {
                    rows.add(Row.parse(line));
                } catch (IllegalArgumentException e) {
                    throw new IOException(list + ": line " + n + ": " + e.getMessage());
                }
            }
        }
        return new LinkedFileImport(dir, rows);
    }

    /** How many files are listed. */
    public int size() {
        return rows.size();
    }

    /**
     * Keeps each listed file the archive does not hold yet, and indexes again the messages archived already that
     * now have it; a message imported afterwards is indexed with it.
     *
     * @throws IOException naming the file that is missing, altered or cannot be stored
     */
    public Result adopt(LinkedFiles linked, Archive archive) throws IOException {
        int stored = 0;
        Set<String> changed = new LinkedHashSet<>();
        for (Row row : rows) {
            Path copy = dir.resolve(row.file());
            if (!Files.isRegularFile(copy)) {
                throw new IOException(copy + ": listed in " + LinkedFileExport.LIST + " but missing");
            }
            if (linked.adopt(row.messageHash(), row.url(), row.name(), copy, row.fileHash())) {
                stored++;
                changed.add(row.messageHash());
            }
        }
        for (String message : changed) {
            archive.reindex(message); // none when the message is not archived yet: importing it indexes the file
        }
        return new Result(rows.size(), stored);
    }
}
