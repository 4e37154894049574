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
 * are the hash's first hex digits, so sorting each level sorts the whole.
 */
final class MessageFiles {

    static final String DIR = "messages";
    static final String SUFFIX = ".eml.gz";
    private static final Pattern LEVEL = Pattern.compile("[0-9a-f]{2}");
    private static final Pattern FILE = Pattern.compile("[0-9a-f]{64}\\.eml\\.gz");

    private MessageFiles() {
    }

    /** Every stored hash in ascending order (temporary files left out); close the stream. */
    static Stream<String> sortedHashes(Path dataDir) {
        Path root = dataDir.resolve(DIR);
        if (!Files.isDirectory(root)) {
            return Stream.empty();
        }
        return sorted(root, LEVEL).stream().flatMap(a -> sorted(a, LEVEL).stream())
                .flatMap(b -> sorted(b, FILE).stream())
                .map(f -> f.getFileName().toString().substring(0, 64));
    }

    /** Where {@code hash} lives, relative to a data directory or snapshot. */
    static String relative(String hash) {
        return DIR + "/" + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash + SUFFIX;
    }

    private static List<Path> sorted(Path dir, Pattern names) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> names.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
