package io.mailwarden.archive.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * A read-only view of an index directory: it takes no write lock, so it works while a daemon (or a
 * backfill) writes the index, and sees what the writer has committed — the writer commits every
 * {@code mailwarden.archive.commit-interval}. Before a search, at most once per {@link #RECHECK_MILLIS},
 * it looks for a newer commit and reopens onto it. Thread-safe.
 */
public final class ReadOnlyIndex implements SearchableIndex, Closeable {

    /** How often a search checks for a newer commit (one directory listing). */
    public static final long RECHECK_MILLIS = 1000;

    private final Path path;
    private final Directory directory;
    private final SearcherManager searchers;
    private final AtomicLong checkedAt = new AtomicLong(System.nanoTime());

    private ReadOnlyIndex(Path path, Directory directory, SearcherManager searchers) {
        this.path = path;
        this.directory = directory;
        this.searchers = searchers;
    }

    /** Whether {@code path} holds an index (with at least one commit). */
    public static boolean exists(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Directory dir = FSDirectory.open(path)) {
            return DirectoryReader.indexExists(dir);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens the last commit of the index in {@code path}.
     *
     * @throws IndexException when there is no index there, or it is damaged or from an incompatible version
     */
    public static ReadOnlyIndex open(Path path) {
        if (!exists(path)) {
            throw new IndexException("no index at " + path + ": nothing has been archived yet (start the daemon,"
                    + " or run 'mailwarden backfill')", null);
        }
        Directory dir = null;
        try {
            dir = FSDirectory.open(path);
            return new ReadOnlyIndex(path, dir, new SearcherManager(dir, null));
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            close(dir);
            throw new IndexException("the index at " + path + " is damaged or from an incompatible version ("
                    + e.getMessage() + "); rebuild it with 'mailwarden reindex'", e);
        } catch (IOException | RuntimeException e) {
            close(dir);
            throw new IndexException("cannot read the index at " + path + ": " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public <T> T withSearcher(SearcherFunction<T> fn) {
        long last = checkedAt.get();
        long now = System.nanoTime();
        if (now - last >= RECHECK_MILLIS * 1_000_000 && checkedAt.compareAndSet(last, now)) {
            refresh();
        }
        return StoredReads.withSearcher(searchers, fn, this::failure, path);
    }

    /** Every indexed id, as of the commit this view reads. */
    public Set<String> ids() {
        return withSearcher(s -> Set.copyOf(StoredReads.hashesById(s).keySet()));
    }

    /** When the commit this view reads was made, when the writer recorded it. */
    public Optional<Instant> committedAt() {
        return withSearcher(s -> {
            String at = ((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData()
                    .get(ArchiveIndex.COMMITTED_AT);
            return Optional.ofNullable(at).map(ms -> Instant.ofEpochMilli(Long.parseLong(ms)));
        });
    }

    /** The schema of the commit this view reads (see {@link IndexSchema}). */
    public IndexSchema schema() {
        return withSearcher(s -> IndexSchema.of(((DirectoryReader) s.getIndexReader()).getIndexCommit().getUserData()));
    }

    /** Moves to the newest commit now, if there is a newer one (blocking). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException | RuntimeException e) {
            throw failure("reopen", e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
        } catch (IOException e) {
            throw failure("close", e);
        } finally {
            close(directory);
        }
    }

    private IndexException failure(String what, Exception e) {
        return new IndexException("could not " + what + " the index at " + path + ": " + e, e);
    }

    private static void close(Directory dir) {
        if (dir != null) {
            try {
                dir.close();
            } catch (IOException e) {
                // nothing was read from it; the error that brought us here says more
            }
        }
    }
}
