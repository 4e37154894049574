package io.mailwarden.backup.snapshot;

import io.mailwarden.state.DurableFiles;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts files into a snapshot (or back into a data directory): a hard link where the source is immutable and
 * on the same file system, else a copy, fsynced. Raw messages and Lucene files are never changed once
 * written, so a link is as good as a copy and costs no space; once a link to the data directory fails (the
 * backups are on another file system) the rest are copied without trying again.
 */
final class Transfer {

    private boolean linkToSource;

    /** @param linkToSource whether links to the source may be tried at all (false: always copy) */
    Transfer(boolean linkToSource) {
        this.linkToSource = linkToSource;
    }

    /** Links {@code dest} to the immutable {@code src}, or copies it. */
    void place(Path src, Path dest) throws IOException {
        if (linkToSource && link(src, dest)) {
            return;
        }
        copy(src, dest);
    }

    /**
     * Links {@code dest} to {@code previous} (the same file in the previous snapshot, on the backups' file
     * system) when it is there with {@code src}'s size; else as {@link #place}.
     *
     * @return whether it was linked to the previous snapshot's copy
     */
    boolean placeFrom(Path previous, Path src, Path dest) throws IOException {
        if (previous != null && Files.isRegularFile(previous) && Files.size(previous) == Files.size(src)) {
            try {
                Files.createLink(dest, previous);
                return true;
            } catch (FileSystemException | UnsupportedOperationException e) {
                // a file system without links: copy below
            }
        }
        place(src, dest);
        return false;
    }

    /** Copies {@code src} to {@code dest} (which must not exist) and fsyncs it. */
    void copy(Path src, Path dest) throws IOException {
        Files.copy(src, dest, StandardCopyOption.COPY_ATTRIBUTES);
        DurableFiles.fsync(dest);
    }

    private boolean link(Path src, Path dest) throws IOException {
        try {
            Files.createLink(dest, src);
            return true;
        } catch (NoSuchFileException e) {
            throw e; // the source is gone: the caller decides (a Lucene file merged away is tried again)
        } catch (FileSystemException | UnsupportedOperationException e) {
            linkToSource = false; // another file system, or no links: copy from now on
            return false;
        }
    }
}
