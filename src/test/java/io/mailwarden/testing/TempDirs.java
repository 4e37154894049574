package io.mailwarden.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes the temporary directories tests make, so that runs do not pile up archives under {@code /tmp}. */
public final class TempDirs {

    private TempDirs() {
    }

    /** Deletes {@code dir} and all under it, as far as it can. */
    public static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) { // the walk's own failures come unchecked
            // best effort: a thread still writing there, or a harness closed twice; a leftover loses nothing
        }
    }
}
