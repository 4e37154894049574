package io.mailwarden.archive;

import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.FolderSource.Fetched;
import io.mailwarden.message.MessageRef;
import io.mailwarden.message.RawHeaders;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.ArchivedLocation.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One backfill batch of a folder, archived with one catalog transaction: threads store each message
 * ({@link #store}) and index it once stored ({@link #add}; both thread-safe), then {@link #commit} makes the
 * new files' names durable and records every place and the folder's progress at once. Until the commit the
 * index may hold documents the catalog does not name: after a crash there, the next start's repair drops them
 * and the batch is read again, as the folder's progress had not passed it. The raw bytes are always fsynced
 * before they are indexed.
 */
final class ArchiveBatch {

    /** What the batch knows of its folder before it starts, shared by the folder's batches. */
    record Folder(String account, String name, long uidValidity, Set<Long> knownUids,
            Map<String, ArchivedLocation> awaitingUid) {

        /** The folder as the catalog knows it: two queries, then nothing more per message. */
        static Folder load(ArchiveCatalog catalog, String account, String name, long uidValidity) {
            Set<Long> known = ConcurrentHashMap.newKeySet();
            known.addAll(catalog.uids(account, name, uidValidity));
            return new Folder(account, name, uidValidity, known,
                    new ConcurrentHashMap<>(catalog.awaitingUid(account, name)));
        }
    }

    private final RawStore store;
    private final ArchiveCatalog catalog;
    private final Indexer indexer;
    private final Clock clock;
    private final Folder folder;
    private final Set<Path> unsyncedDirs = ConcurrentHashMap.newKeySet();
    private final Queue<ArchivedLocation> added = new ConcurrentLinkedQueue<>();
    private final Queue<ArchivedLocation> placed = new ConcurrentLinkedQueue<>();

    ArchiveBatch(RawStore store, ArchiveCatalog catalog, Indexer indexer, Clock clock, Folder folder) {
        this.store = store;
        this.catalog = catalog;
        this.indexer = indexer;
        this.clock = clock;
        this.folder = folder;
    }

    /** Whether the message's place was archived before: nothing to store or index. */
    boolean known(Fetched m) {
        return folder.knownUids().contains(m.ref().uid());
    }

    /**
     * Stores the message's bytes (fsynced; the directory at {@link #commit}). Thread-safe; the backfill runs it
     * ahead of {@link #add}, so that waiting for the fsync overlaps other messages' parsing and indexing.
     */
    RawStore.Stored store(Fetched m) throws IOException {
        return store.put(m.raw(), unsyncedDirs);
    }

    /** Indexes the message {@linkplain #store stored} as {@code stored}; false when its place was archived before. */
    boolean add(Fetched m, RawStore.Stored stored) throws IOException {
        MessageRef ref = m.ref();
        if (known(m)) {
            return false;
        }
        ArchivedLocation moved = folder.awaitingUid().remove(stored.hash());
        if (moved != null) { // a rule moved it here: that place gets its UID
            ArchivedLocation here = moved.at(ref.uidValidity(), ref.uid());
            indexer.index(here, m.raw());
            placed.add(here);
            return true;
        }
        ArchivedLocation place = new ArchivedLocation(
                ArchivedLocation.idOf(ref.account(), ref.folder(), ref.uidValidity(), ref.uid()), ref.account(),
                ref.folder(), ref.uidValidity(), ref.uid(), stored.hash(), RawHeaders.messageId(m.raw().head()),
                m.raw().size(), m.internalDate(), Archive.flags(m.flags(), m.keywords()), List.of(), Status.PRESENT,
                clock.instant());
        indexer.index(place, m.raw());
        added.add(place);
        return true;
    }

    /** Makes the batch durable: directory fsyncs, then one transaction with the places and the progress. */
    void commit(long lastUid) {
        store.syncDirectories(unsyncedDirs);
        catalog.recordBatch(new ArrayList<>(added), new ArrayList<>(placed), folder.account(), folder.name(),
                folder.uidValidity(), lastUid);
        added.forEach(l -> folder.knownUids().add(l.uid()));
        placed.forEach(l -> folder.knownUids().add(l.uid()));
    }
}
