package io.mailwarden.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The last two steps of a crash-safe write (write a temporary file, fsync it, rename it, fsync the directory),
 * shared by the raw store, the snapshots and the request directory.
 */
public final class DurableFiles {

    private DurableFiles() {
    }

    /** Renames the fsynced {@code tmp} to {@code file}, atomically where the file system can, replacing it. */
    public static void moveIntoPlace(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes a directory's entries (a rename) durable; a no-op where directories cannot be opened (Windows). */
    public static void fsyncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // not supported on this platform: as durable as the file system makes it
        }
    }
}
