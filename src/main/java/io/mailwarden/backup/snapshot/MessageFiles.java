package io.mailwarden.backup.snapshot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The raw store's files in ascending hash order, read one directory at a time: {@code messages/ab/cd/}
 * are the hash's first hex digits, so sorting each level sorts the whole. The files messages link to are kept
 * the same way under {@code files/}.
 */
final class MessageFiles {

    static final String DIR = "messages";
    static final String SUFFIX = ".eml.gz";
    private static final Pattern LEVEL = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern FILE = Pattern.compile("[0-9a-f]{64}\\.eml\\.gz");
    static final String LINKED_DIR = "files";
    private static final String LINKED_SUFFIX = ".gz";
    private static final Pattern LINKED_FILE = Pattern.compile("[0-9a-f]{64}\\.gz");

    private MessageFiles() {
    }

    /** Every stored hash in ascending order (temporary files left out); close the stream. */
    static Stream<String> sortedHashes(Path dataDir) {
        return sortedHashes(dataDir.resolve(DIR), FILE);
    }

    /** Every stored linked file's hash in ascending order; close the stream. */
    static Stream<String> sortedLinkedHashes(Path dataDir) {
        return sortedHashes(dataDir.resolve(LINKED_DIR), LINKED_FILE);
    }

    private static Stream<String> sortedHashes(Path root, Pattern file) {
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        return sorted(root, LEVEL).stream().flatMap(a -> sorted(a, LEVEL).stream())
                .flatMap(b -> sorted(b, file).stream())
                .map(f -> f.getFileName().toString().substring(0, 64));
    }

    /** Where {@code hash} lives, relative to a data directory or snapshot. */
    static String relative(String hash) {
        return DIR + "/" + levels(hash) + SUFFIX;
    }

    /** Where the linked file {@code hash} lives, relative to a data directory or snapshot. */
    static String linkedRelative(String hash) {
        return LINKED_DIR + "/" + levels(hash) + LINKED_SUFFIX;
    }

    private static String levels(String hash) {
        return hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash;
    }

    private static List<Path> sorted(Path dir, Pattern names) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> names.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
