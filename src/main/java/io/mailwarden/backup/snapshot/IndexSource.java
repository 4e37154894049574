package io.mailwarden.backup.snapshot;

import io.mailwarden.archive.index.ArchiveIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/** Where a snapshot gets the Lucene commit it copies. */
@FunctionalInterface
public interface IndexSource {

    /**
     * A commit to copy.
     *
     * @param dir the index directory
     * @param files the commit's file names in {@code dir}
     * @param pinned true when its files stay until {@link #close()}; false when a writer in another process
     *        may delete them meanwhile (the snapshot then copies the newer commit)
     * @param release unpins it
     */
    record Commit(Path dir, long generation, List<String> files, boolean pinned, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }

    /** The commit to copy, or null when there is no index. */
    Commit pin() throws IOException;

    /**
     * The open index's latest state: committed now, and pinned by its {@code SnapshotDeletionPolicy} while
     * copied; when {@code live} gives null (the archive is not open), the last commit in {@code dir}.
     */
    static IndexSource of(Supplier<ArchiveIndex> live, Path dir) {
        return () -> {
            ArchiveIndex index = live.get();
            if (index == null) {
                return lastCommit(dir);
            }
            index.commit();
            IndexCommit c = index.snapshot();
            return new Commit(index.path(), c.getGeneration(), List.copyOf(c.getFileNames()), true, () -> index.release(c));
        };
    }

    /** The last commit in {@code dir}, read without the write lock, so that it works while a daemon writes the index. */
    static IndexSource committed(Path dir) {
        return () -> lastCommit(dir);
    }

    private static Commit lastCommit(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Directory d = FSDirectory.open(dir)) {
            IndexCommit last = DirectoryReader.listCommits(d).getLast();
            return new Commit(dir, last.getGeneration(), List.copyOf(last.getFileNames()), false, () -> {
            });
        } catch (IndexNotFoundException e) {
            return null;
        }
    }
}
