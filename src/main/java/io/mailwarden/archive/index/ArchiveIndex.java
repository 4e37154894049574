package io.mailwarden.archive.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexCommit;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KeepOnlyLastCommitDeletionPolicy;
import org.apache.lucene.index.SnapshotDeletionPolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.jboss.logging.Logger;

/**
 * The archive's Lucene index in one directory: one long-lived {@link IndexWriter}, near-real-time
 * searchers, commits on a timer and at {@link #close()}. Thread-safe.
 *
 * <p><b>Visibility.</b> A background thread ({@link Refresher}) reopens the searchers, so an
 * {@link #upsert} is searchable without anybody waiting: within about a second while changes trickle
 * in (new mail), within 1.5 s while they stream in (a backfill, a reindex); {@link #refresh()}
 * makes it searchable now.
 *
 * <p><b>Crash contract.</b> What was committed (on the timer, by {@link #commit()}, at close)
 * survives a kill or power loss; changes after the last commit may be lost. The index is a cache of
 * the raw store: after a start, the caller re-indexes from its store whatever it archived or changed
 * since {@link #committedAt()} (with a margin for clock steps), and {@code reindex} rebuilds it all.
 * {@link #lastWriterDied()} tells whether that is needed, {@link #repaired()} that it was done.
 * Re-indexing is idempotent ({@link #upsert} replaces by id), so doing too much is harmless.
 *
 * <p><b>Snapshots.</b> {@link #snapshot()} pins the files of the last commit until {@link #release},
 * so a backup can copy them from {@link #path()} while indexing goes on.
 */
public final class ArchiveIndex implements SearchableIndex, Closeable {

    /** Newest first; messages without a date last; ties in id order. */
    public static final Sort NEWEST_FIRST = newestFirst();

    private static final Logger LOG = Logger.getLogger("mailwarden.index");
    /** The file in the index directory while a writer has it open (see {@link #lastWriterDied()}). */
    public static final String OPEN_MARK = OpenMark.NAME;
    /** Commit user data: when the commit was made (epoch milliseconds). */
    static final String COMMITTED_AT = "mailwarden.committed-at";
    // enough to batch a backfill's documents; the heap budget of a backfill is 512 MB in all
    private static final double RAM_BUFFER_MB = 48;

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SnapshotDeletionPolicy snapshots;
    private final SearcherManager searchers;
    private final Refresher refresher;
    private final ScheduledExecutorService committer;
    private final Instant committedAt;
    private final boolean lastWriterDied;
    private volatile boolean repaired;
    private volatile IndexSchema schema;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ArchiveIndex(Path path, Directory directory, IndexWriter writer, SnapshotDeletionPolicy snapshots,
            Duration commitInterval, boolean lastWriterDied) throws IOException {
        this.path = path;
        this.lastWriterDied = lastWriterDied;
        this.directory = directory;
        this.writer = writer;
        this.snapshots = snapshots;
        Map<String, String> userData = liveCommitData(writer);
        this.committedAt = Optional.ofNullable(userData.get(COMMITTED_AT))
                .map(ms -> Instant.ofEpochMilli(Long.parseLong(ms))).orElse(null);
        this.schema = IndexSchema.of(userData);
        schema.advice().ifPresent(advice -> LOG.warnf("%s: %s", path, advice));
        this.searchers = new SearcherManager(writer, null);
        this.refresher = new Refresher(searchers);
        this.committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mailwarden-index-commit");
            t.setDaemon(true);
            return t;
        });
        long millis = commitInterval.toMillis();
        committer.scheduleWithFixedDelay(this::commitOnTimer, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens (or creates) the index in {@code path}, committing every {@code commitInterval} while
     * there are changes.
     *
     * @throws IndexException when another process holds the index, it is damaged or from an
     *         incompatible version, or the directory cannot be used
     */
    public static ArchiveIndex open(Path path, Duration commitInterval) {
        if (commitInterval == null || commitInterval.toMillis() <= 0) {
            throw new IllegalArgumentException("the index commit interval must be positive, not " + commitInterval);
        }
        Directory dir = null;
        IndexWriter writer = null;
        try {
            dir = FSDirectory.open(path);
            boolean fresh = !DirectoryReader.indexExists(dir);
            SnapshotDeletionPolicy snapshots = new SnapshotDeletionPolicy(new KeepOnlyLastCommitDeletionPolicy());
            IndexWriterConfig config = new IndexWriterConfig(MailAnalyzers.indexing())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setIndexDeletionPolicy(snapshots)
                    .setRAMBufferSizeMB(RAM_BUFFER_MB)
                    .setCommitOnClose(false);
            writer = new IndexWriter(dir, config);
            if (fresh) {
                // a commit from the start: readers, snapshots and verify always find an index here, of this schema
                writer.setLiveCommitData(Map.of(IndexSchema.KEY, Integer.toString(IndexSchema.CURRENT)).entrySet());
                writer.commit();
            }
            boolean lastWriterDied = OpenMark.set(dir); // under the write lock: no other writer touches the mark
            return new ArchiveIndex(path, dir, writer, snapshots, commitInterval, lastWriterDied);
        } catch (LockObtainFailedException e) {
            closeQuietly(writer, dir);
            throw new IndexException("the index at " + path + " is in use by another process"
                    + " (a running mailwarden daemon?): its write.lock is held", e);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            closeQuietly(writer, dir);
            throw new IndexException("the index at " + path + " is damaged or from an incompatible version ("
                    + e.getMessage() + "); move it aside and rebuild it with 'mailwarden reindex'", e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer, dir);
            throw new IndexException("cannot open the index at " + path + ": " + e.getMessage(), e);
        }
    }

    /** The index directory. */
    public Path path() {
        return path;
    }

    /**
     * When the commit this index was opened at was made; empty for a new index (or one no commit of this
     * class ever reached), where the caller indexes everything its store holds.
     */
    public Optional<Instant> committedAt() {
        return Optional.ofNullable(committedAt);
    }

    /** The schema the index's documents were written with (see {@link IndexSchema}). */
    public IndexSchema schema() {
        return schema;
    }

    /**
     * Records that every document was just written again by this build (a reindex): the index is of the
     * current schema from the next commit on.
     */
    public void rebuilt() {
        schema = IndexSchema.current();
    }

    /** Adds the message, or replaces the document with the same {@link MessageDocument#id()}. */
    public void upsert(MessageDocument message) {
        try {
            writer.updateDocument(idTerm(message.id()), DocumentMapper.toDocument(message));
            refresher.changed();
        } catch (IOException | RuntimeException e) {
            throw failure("index message " + message.id(), e);
        }
    }

    /** Removes the document with this id, if there is one. */
    public void delete(String id) {
        try {
            writer.deleteDocuments(idTerm(id));
            refresher.changed();
        } catch (IOException | RuntimeException e) {
            throw failure("delete message " + id, e);
        }
    }

    /** Records in place (no re-indexing) whether the message is gone from the server; no-op for an unknown id. */
    public void setDeletedOnServer(String id, boolean deleted) {
        try {
            writer.updateNumericDocValue(idTerm(id), Fields.DELETED_ON_SERVER, deleted ? 1 : 0);
            refresher.changed();
        } catch (IOException | RuntimeException e) {
            throw failure("mark message " + id + " deleted on the server", e);
        }
    }

    /** Makes every change so far searchable now (blocking). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException | RuntimeException e) {
            throw failure("refresh the searchers", e);
        }
    }

    /** Commits every change so far to disk (fsync): it survives a crash from now on. */
    public void commit() {
        try {
            writer.setLiveCommitData(Map.of(COMMITTED_AT, Long.toString(System.currentTimeMillis()),
                    IndexSchema.KEY, Integer.toString(schema.version())).entrySet());
            writer.commit();
        } catch (IOException | RuntimeException e) {
            throw failure("commit", e);
        }
    }

    /** Runs {@code fn} with a searcher of the current near-real-time view. */
    @Override
    public <T> T withSearcher(SearcherFunction<T> fn) {
        return StoredReads.withSearcher(searchers, fn, this::failure, path);
    }

    /** How many messages are indexed (as of the last refresh). */
    public int count() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** Every indexed id with its content hash (for verify), as of the last refresh. */
    public Map<String, String> hashesById() {
        return withSearcher(StoredReads::hashesById);
    }

    /** Every indexed id, as of the last refresh. */
    public Set<String> ids() {
        return hashesById().keySet();
    }

    /** Every content hash some indexed message has, as of the last refresh. */
    public Set<String> contentHashes() {
        return Set.copyOf(hashesById().values());
    }

    /**
     * Pins the files of the last commit (call {@link #commit()} first for the latest changes) until
     * {@link #release}: a backup copies {@link IndexCommit#getFileNames()} from {@link #path()}.
     */
    public IndexCommit snapshot() {
        try {
            return snapshots.snapshot();
        } catch (IOException | RuntimeException e) {
            throw failure("snapshot the last commit", e);
        }
    }

    /** Unpins a snapshot; its files are deleted when no commit needs them any more. */
    public void release(IndexCommit snapshot) {
        try {
            snapshots.release(snapshot);
            writer.deleteUnusedFiles();
        } catch (IOException | RuntimeException e) {
            throw failure("release a snapshot", e);
        }
    }

    /** Stops the background threads, commits, and closes the writer and the directory. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        committer.shutdown();
        try {
            committer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        refresher.close();
        try {
            if (writer.isOpen()) {
                commit();
                if (!lastWriterDied || repaired) { // else the next writer must still repair
                    clearOpenMark();
                }
            }
        } finally {
            closeQuietly(searchers, writer, directory);
        }
    }

    /**
     * Whether the writer before this one never closed (killed, crashed): places archived after its last commit
     * may be missing from the index, and the caller should repair before it trusts the index.
     */
    public boolean lastWriterDied() {
        return lastWriterDied;
    }

    /**
     * Tells the index that its caller brought it in line with the catalog: only then does a close remove the mark
     * a writer that died left, so a repair that fails is tried again by the next writer.
     */
    public void repaired() {
        repaired = true;
    }

    private void clearOpenMark() {
        try {
            OpenMark.clear(directory); // before the lock goes: the next writer's mark is never ours to remove
        } catch (IOException e) {
            LOG.warnf("%s: could not remove %s (%s): the next start repairs for nothing", path, OpenMark.NAME, e);
        }
    }

    private void commitOnTimer() {
        try {
            if (writer.hasUncommittedChanges()) {
                commit();
            }
        } catch (RuntimeException e) {
            // the next tick tries again; the changes stay in the writer meanwhile
            LOG.errorf(e, "Could not commit the index at %s: %s", path, e.getMessage());
        }
    }

    private IndexException failure(String what, Exception e) {
        Throwable tragic = writer.getTragicException();
        String why = tragic != null
                ? "the index writer failed earlier (" + tragic + "); restart to recover from the last commit"
                : e.toString();
        return new IndexException("could not " + what + " in the index at " + path + ": " + why, e);
    }

    private static Term idTerm(String id) {
        return new Term(Fields.ID, id);
    }

    private static Map<String, String> liveCommitData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    private static Sort newestFirst() {
        SortField date = new SortField(Fields.DATE, SortField.Type.LONG, true);
        date.setMissingValue(Long.MIN_VALUE);
        return new Sort(date, new SortField(Fields.ID, SortField.Type.STRING));
    }

    private static void closeQuietly(Closeable... all) {
        for (Closeable c : all) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                LOG.warnf(e, "Could not close %s of the index", c);
            }
        }
    }
}
