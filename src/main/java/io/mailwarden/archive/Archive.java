package io.mailwarden.archive;

import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.MessageArrived;
import io.mailwarden.message.MessageRef;
import io.mailwarden.message.RawHeaders;
import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.ArchivedLocation.Status;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps messages: the raw bytes first (fsynced into the store), then the catalog row naming where the
 * message lives, then the index. Each step is idempotent, so a message handed over twice — by the
 * watcher and the backfill, or again after a crash — is kept and indexed once.
 */
public final class Archive {

    private final RawStore store;
    private final ArchiveCatalog catalog;
    private final Indexer indexer;
    private final Clock clock;

    public Archive(RawStore store, ArchiveCatalog catalog, Indexer indexer, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.indexer = indexer;
        this.clock = clock;
    }

    /**
     * Archives a message where it was fetched; a message that a rule moved here (found by its bytes) gets
     * its UID instead of a second row.
     *
     * @return false when this place was archived before
     */
    public boolean archive(MessageArrived m, List<String> rules) throws IOException {
        MessageRef ref = m.ref();
        String id = ArchivedLocation.idOf(ref.account(), ref.folder(), ref.uidValidity(), ref.uid());
        if (catalog.find(id).isPresent()) {
            return false;
        }
        RawStore.Stored stored = store.put(m.raw());
        Optional<ArchivedLocation> moved = catalog.findMoved(ref.account(), ref.folder(), stored.hash());
        if (moved.isPresent()) {
            catalog.place(moved.get().id(), ref.uidValidity(), ref.uid());
            indexer.index(moved.get().at(ref.uidValidity(), ref.uid()), m.raw());
            return true;
        }
        ArchivedLocation place = new ArchivedLocation(id, ref.account(), ref.folder(), ref.uidValidity(), ref.uid(),
                stored.hash(), messageId(m.raw()), m.raw().length, m.internalDate(), flags(m.flags(), m.keywords()), rules,
                Status.PRESENT, clock.instant());
        if (catalog.add(place)) {
            indexer.index(place, m.raw());
            return true;
        }
        return false;
    }

    /**
     * Archives a message read from a file (an export, an mbox) into {@code account}/{@code folder} without a
     * server. Its id comes from the place and the bytes, so importing it again adds nothing, nor do bytes
     * already archived in that folder; like a message a rule moved there, it takes its UID when the daemon
     * later finds it in that folder on the server. A big message is stored and indexed from its file, as a stream.
     *
     * @param flags in the catalog's form (system flags lower-case without backslash, keywords as they are)
     * @return false when these bytes were archived in that folder before
     */
    public boolean imported(String account, String folder, RawMessage raw, Set<String> flags, Instant internalDate)
            throws IOException {
        RawStore.Stored stored = store.put(raw, null);
        if (catalog.holds(account, folder, stored.hash())) {
            return false;
        }
        String id = ArchivedLocation.movedIdOf(account, folder, stored.hash());
        ArchivedLocation place = new ArchivedLocation(id, account, folder, 0, 0, stored.hash(),
                RawHeaders.messageId(raw.head()), raw.size(), internalDate, flags, List.of(), Status.PRESENT,
                clock.instant());
        if (catalog.add(place)) {
            indexer.index(place, raw);
            return true;
        }
        return false;
    }

    /**
     * Records that a rule moved the message to {@code folder}: the old place stays in the catalog as MOVED
     * (its document leaves the index) and the new one is archived with UID 0 until the folder is read again.
     */
    public void moved(MessageArrived m, String folder, List<String> rules) throws IOException {
        MessageRef ref = m.ref();
        RawStore.Stored stored = store.put(m.raw());
        catalog.findAt(ref.account(), ref.folder(), ref.uidValidity(), ref.uid()).ifPresent(old -> retire(old.id()));
        ArchivedLocation place = new ArchivedLocation(ArchivedLocation.movedIdOf(ref.account(), folder, stored.hash()),
                ref.account(), folder, 0, 0, stored.hash(), messageId(m.raw()), m.raw().length, m.internalDate(),
                flags(m.flags(), m.keywords()), rules, Status.PRESENT, clock.instant());
        if (catalog.add(place)) {
            indexer.index(place, m.raw());
        }
    }

    /** The place no longer names the message (its folder was renumbered): kept in the catalog, out of the index. */
    public void retire(String id) {
        catalog.setStatus(id, Status.MOVED);
        indexer.remove(id);
    }

    /** The message is no longer on the server at this place: kept in the archive, marked DELETED. */
    public void deletedOnServer(ArchivedLocation place) {
        if (place.status() == Status.DELETED) {
            return;
        }
        catalog.setStatus(place.id(), Status.DELETED);
        indexer.markDeletedOnServer(place.id());
    }

    /**
     * Indexes every place of the message with this content hash again (a file it links to was downloaded).
     *
     * @return how many places were indexed
     */
    public int reindex(String contentHash) throws IOException {
        List<ArchivedLocation> places = catalog.placesOf(contentHash);
        if (places.isEmpty()) {
            return 0;
        }
        try (RawMessage raw = store.load(contentHash, places.get(0).size())) {
            for (ArchivedLocation place : places) {
                indexer.index(place, raw);
            }
        }
        return places.size();
    }

    /** A backfill batch of {@code folder}, recorded in the catalog at once (see {@link ArchiveBatch}). */
    ArchiveBatch batch(ArchiveBatch.Folder folder) {
        return new ArchiveBatch(store, catalog, indexer, clock, folder);
    }

    public RawStore store() {
        return store;
    }

    public ArchiveCatalog catalog() {
        return catalog;
    }

    /** System flags and keywords together, as the catalog keeps them. */
    static Set<String> flags(Set<String> flags, Set<String> keywords) {
        Set<String> all = new HashSet<>(flags);
        all.addAll(keywords);
        return all;
    }

    /** The Message-ID as written, read from the header block only (the indexer parses the rest). */
    static String messageId(byte[] raw) {
        return RawHeaders.messageId(raw);
    }
}
