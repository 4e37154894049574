package io.mailwarden.archive.index;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * A file in the index directory for as long as a writer has the index open, removed after the writer's last
 * commit. Found by the next writer, it tells that the one before never closed (killed, crashed, out of power),
 * so the catalog may hold places whose documents its index lost. Lucene leaves files not named like its own
 * alone, and backups copy only the files of a commit.
 */
final class OpenMark {

    static final String NAME = "mailwarden-writer-open";

    private OpenMark() {
    }

    /** Marks {@code dir} open, durably; returns whether a writer before this one left it marked. */
    static boolean set(Directory dir) throws IOException {
        if (List.of(dir.listAll()).contains(NAME)) {
            return true;
        }
        try (IndexOutput out = dir.createOutput(NAME, IOContext.DEFAULT)) {
            out.writeByte((byte) 1); // Lucene's outputs need not create a file for nothing
        }
        dir.sync(List.of(NAME));
        dir.syncMetaData();
        return false;
    }

    /** Removes the mark: call after the last commit and before the write lock is released. */
    static void clear(Directory dir) throws IOException {
        try {
            dir.deleteFile(NAME);
            dir.syncMetaData();
        } catch (NoSuchFileException e) {
            // cleared already
        }
    }
}
