package io.mailwarden.archive;

import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.ArchivedLocation.Status;
import io.mailwarden.state.LinkedFile;
import io.mailwarden.state.LinkedFileStore;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Compares the three parts of the archive — raw store, catalog, index — and, at start-up, repairs what a
 * crash can leave: a catalogued place not yet indexed is indexed from its stored bytes, a document whose
 * place the catalog does not know is dropped. Nothing is ever removed from the raw store.
 */
public final class ArchiveCheck {

    private static final Logger LOG = Logger.getLogger("mailwarden.archive");
    private static final int EXAMPLES = 20;

    /**
     * What was found; {@link #problems} lists each discrepancy (the first few of each kind in full).
     *
     * @param uncommitted places archived after the index's last commit and not in it yet: the running daemon
     *        commits them soon, a stopped one indexes them at its next start (not discrepancies)
     */
    public record Report(long places, long stored, long indexed, long uncommitted, List<String> problems,
            long problemCount) {
        public boolean ok() {
            return problemCount == 0;
        }
    }

    private final RawStore store;
    private final ArchiveCatalog catalog;
    private final RawStore files;
    private final LinkedFileStore linked;

    public ArchiveCheck(RawStore store, ArchiveCatalog catalog) {
        this(store, catalog, null, null);
    }

    /** Checking also the files messages link to, in {@code files}, as {@code linked} records them. */
    public ArchiveCheck(RawStore store, ArchiveCatalog catalog, RawStore files, LinkedFileStore linked) {
        this.store = store;
        this.catalog = catalog;
        this.files = files;
        this.linked = linked;
    }

    /**
     * Checks every place against the store and the index's ids; with {@code hashes}, also re-reads every
     * stored message and checks its hash.
     *
     * @param committedAt when the index's ids were committed (null: they are current)
     */
    public Report verify(Set<String> indexed, Instant committedAt, boolean hashes) throws IOException {
        long[] uncommitted = {0};
        Set<String> referenced = new HashSet<>();
        Set<String> expected = new HashSet<>();
        Problems problems = new Problems();
        long[] places = {0};
        catalog.forEach(p -> {
            places[0]++;
            if (referenced.add(p.contentHash())) {
                if (!store.contains(p.contentHash())) {
                    problems.add("missing raw bytes", p.contentHash() + " (" + where(p) + ")");
                } else if (hashes && !store.intact(p.contentHash())) {
                    problems.add("raw bytes altered or unreadable", p.contentHash() + " (" + where(p) + ")");
                }
            }
            if (p.status() != Status.MOVED) {
                expected.add(p.id());
                if (!indexed.contains(p.id())) {
                    if (committedAt != null && !p.archivedAt().isBefore(committedAt)) {
                        uncommitted[0]++;
                    } else {
                        problems.add("archived but not indexed", where(p));
                    }
                }
            }
        });
        // a backfill indexes a batch before recording it in the catalog: look again at what seemed unknown
        indexed.stream().filter(id -> !expected.contains(id)).filter(id -> catalog.find(id).isEmpty())
                .forEach(id -> problems.add("indexed but not in the catalog", id));
        long stored;
        try (Stream<String> all = store.hashes()) {
            List<String> unreferenced = new ArrayList<>();
            stored = all.peek(h -> {
                if (!referenced.contains(h)) {
                    unreferenced.add(h);
                }
            }).count();
            unreferenced.forEach(h -> problems.add("stored but in no folder (a backfill of its folder catalogues it)", h));
        }
        verifyLinkedFiles(problems, hashes);
        return new Report(places[0], stored, indexed.size(), uncommitted[0], problems.lines(), problems.count);
    }

    private void verifyLinkedFiles(Problems problems, boolean hashes) {
        if (linked == null) {
            return;
        }
        for (LinkedFile f : linked.stored()) {
            String what = f.fileHash() + " (\"" + f.name() + "\" of message " + f.messageHash() + ")";
            if (!files.contains(f.fileHash())) {
                problems.add("missing linked file", what);
            } else if (hashes && !files.intact(f.fileHash())) {
                problems.add("linked file altered or unreadable", what);
            }
        }
    }

    /** Brings the index in line with the catalog after a crash; returns how many documents changed. */
    public int repair(Indexer indexer) throws IOException {
        int removed = store.repair() + (files == null ? 0 : files.repair());
        if (removed > 0) {
            LOG.infof("archive: removed %d unfinished write(s) left by a crash", removed);
        }
        Set<String> stale = new HashSet<>(indexer.ids()); // what is left at the end has no place any more
        List<ArchivedLocation> missing = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        catalog.forEach(p -> {
            boolean wasIndexed = stale.remove(p.id());
            if (p.status() == Status.MOVED) {
                if (wasIndexed) {
                    moved.add(p.id());
                }
            } else if (!wasIndexed) {
                missing.add(p);
            }
        });
        stale.addAll(moved);
        for (ArchivedLocation p : missing) {
            try (RawMessage raw = store.load(p.contentHash(), p.size())) {
                indexer.index(p, raw);
            }
        }
        stale.forEach(indexer::remove);
        if (missing.size() + stale.size() > 0) {
            indexer.commit();
            LOG.infof("archive: index repaired (%d document(s) added, %d removed)", missing.size(), stale.size());
        }
        return missing.size() + stale.size();
    }

    static String where(ArchivedLocation p) {
        return p.account() + "/" + p.folder() + (p.uid() > 0 ? "#" + p.uid() : " (moved there by a rule)");
    }

    /** Discrepancies, at most {@value #EXAMPLES} written out per kind. */
    private static final class Problems {
        private final List<String> lines = new ArrayList<>();
        private final java.util.Map<String, Integer> perKind = new java.util.LinkedHashMap<>();
        long count;

        synchronized void add(String kind, String detail) {
            count++;
            int n = perKind.merge(kind, 1, Integer::sum);
            if (n <= EXAMPLES) {
                lines.add(kind + ": " + detail);
            }
        }

        List<String> lines() {
            List<String> out = new ArrayList<>(lines);
            perKind.forEach((kind, n) -> {
                if (n > EXAMPLES) {
                    out.add(kind + ": " + (n - EXAMPLES) + " more");
                }
            });
            return out;
        }
    }
}
