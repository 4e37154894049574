package io.mailwarden.backup;

import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.ArchivedLocation.Status;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The archived messages, one per place they live or lived in (a message deleted on the server is still
 * given: that is what a backup is for; a place a rule moved the message away from is not, its new place
 * is), ordered by account, folder, arrival and UID, bytes read from the raw store one at a time (a message
 * over {@link RawStore#IN_MEMORY_MAX} into a spool file, which its receiver deletes by closing it).
 */
public final class ArchiveSource implements MessageSource {

    private static final Comparator<ArchivedLocation> ORDER = Comparator.comparing(ArchivedLocation::account)
            .thenComparing(ArchivedLocation::folder)
            .thenComparing(l -> l.internalDate() == null ? 0 : l.internalDate().toEpochMilli())
            .thenComparingLong(ArchivedLocation::uid)
            .thenComparing(ArchivedLocation::id);

    private final RawStore store;
    private final List<ArchivedLocation> places;

    /** The places of {@code catalog} that {@code select} accepts (see {@link #all}, ids from a search). */
    public ArchiveSource(ArchiveCatalog catalog, RawStore store, Predicate<ArchivedLocation> select) {
        this.store = store;
        // Metadata only (a few hundred bytes a place): sorting needs them all, the bytes are read later.
        List<ArchivedLocation> chosen = new ArrayList<>();
        catalog.forEach(l -> {
            if (l.status() != Status.MOVED && select.test(l)) {
                chosen.add(l);
            }
        });
        chosen.sort(ORDER);
        this.places = List.copyOf(chosen);
    }

    /** Accepts every place. */
    public static Predicate<ArchivedLocation> all() {
        return l -> true;
    }

    /** The places given, in their order. */
    public List<ArchivedLocation> places() {
        return places;
    }

    @Override
    public long count() {
        return places.size();
    }

    @Override
    public void forEach(Sink sink) throws IOException {
        for (ArchivedLocation l : places) {
            RawMessage raw;
            try {
                raw = store.load(l.contentHash(), l.size());
            } catch (NoSuchFileException e) {
                throw new IOException("archived message " + l.id() + " (" + l.account() + "/" + l.folder() + " UID "
                        + l.uid() + ") is missing from the raw store at " + store.root() + "; run 'mailwarden verify'",
                        e);
            }
            sink.accept(new BackupMessage(l.account(), l.folder(), raw, l.imapFlags(),
                    l.internalDate(), "archive " + l.id()));
        }
    }
}
