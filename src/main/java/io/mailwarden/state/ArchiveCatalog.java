package io.mailwarden.state;

import io.mailwarden.state.ArchivedLocation.Status;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The archive's catalog: where each archived message lives (table {@code archive_location}, see
 * {@link LocationRows}) and how far archiving got per folder ({@code archive_progress}, see {@link ProgressRows}).
 * A row is written only after the message's bytes are safely in the raw store, so every row names bytes that
 * exist.
 */
@ApplicationScoped
public class ArchiveCatalog {

    private static final int PAGE = 1000;

    private final StateDb db;

    public ArchiveCatalog(StateDb db) {
        this.db = db;
    }

    /** Adds the place unless its id is known; returns whether it was added. */
    public boolean add(ArchivedLocation l) {
        return db.call(() -> "record archived message " + l.contentHash() + " in " + l.account() + "/" + l.folder(),
                c -> LocationRows.insert(c, l));
    }

    /**
     * Records a backfill batch in one transaction: the new places, the UIDs found for places a rule moved
     * here, and the folder's progress up to {@code lastUid}. Places known already are left as they are.
     */
    public void recordBatch(List<ArchivedLocation> added, List<ArchivedLocation> placed, String account, String folder,
            long uidValidity, long lastUid) {
        db.call(() -> "record " + added.size() + " archived messages of " + account + "/" + folder, c -> {
            LocationRows.insertAll(c, added);
            for (ArchivedLocation l : placed) {
                LocationRows.update(c, l.id(), "uidvalidity = ?, uid = ?", ps -> {
                    ps.setLong(1, l.uidValidity());
                    ps.setLong(2, l.uid());
                });
            }
            ProgressRows.write(c, account, folder, uidValidity, lastUid);
            return null;
        });
    }

    /** Every UID of the folder under {@code uidValidity} that has a place, whatever its status. */
    public Set<Long> uids(String account, String folder, long uidValidity) {
        return db.call(() -> "list archived UIDs of " + account + "/" + folder, c -> new HashSet<>(LocationRows.list(c,
                "SELECT uid FROM archive_location WHERE account = ? AND folder = ? AND uidvalidity = ?",
                inFolder(account, folder, uidValidity), rs -> rs.getLong(1))));
    }

    /** The places rules moved into the folder that wait for their UID there, by content hash. */
    public Map<String, ArchivedLocation> awaitingUid(String account, String folder) {
        return db.call(() -> "list messages moved into " + account + "/" + folder, c -> {
            Map<String, ArchivedLocation> out = new HashMap<>();
            for (ArchivedLocation l : LocationRows.list(c, "SELECT " + LocationRows.COLUMNS + " FROM archive_location"
                    + " WHERE account = ? AND folder = ? AND uid = 0", ps -> {
                        ps.setString(1, account);
                        ps.setString(2, folder);
                    }, LocationRows::row)) {
                out.put(l.contentHash(), l);
            }
            return out;
        });
    }

    public Optional<ArchivedLocation> find(String id) {
        return db.call(() -> "read archived location " + id,
                c -> LocationRows.read(c, "id = ?", ps -> ps.setString(1, id)));
    }

    /** The row a rule's move left in {@code folder} for these bytes, waiting for its UID. */
    public Optional<ArchivedLocation> findMoved(String account, String folder, String contentHash) {
        return find(ArchivedLocation.movedIdOf(account, folder, contentHash)).filter(l -> l.uid() == 0);
    }

    /** Whether these bytes are archived in {@code account}/{@code folder} (at a place not moved away from). */
    public boolean holds(String account, String folder, String contentHash) {
        return db.call(() -> "look up " + contentHash + " in " + account + "/" + folder, c -> !LocationRows.list(c,
                "SELECT 1 FROM archive_location WHERE content_hash = ? AND account = ? AND folder = ?"
                        + " AND status <> 'MOVED' FETCH FIRST 1 ROWS ONLY", ps -> {
                            ps.setString(1, contentHash);
                            ps.setString(2, account);
                            ps.setString(3, folder);
                        }, rs -> true).isEmpty());
    }

    /** The places of these bytes that are in the index (present, or deleted on the server), in id order. */
    public List<ArchivedLocation> placesOf(String contentHash) {
        return db.call(() -> "list the places of message " + contentHash, c -> LocationRows.list(c, "SELECT "
                + LocationRows.COLUMNS + " FROM archive_location WHERE content_hash = ? AND status <> 'MOVED' ORDER BY id",
                ps -> ps.setString(1, contentHash), LocationRows::row));
    }

    /** The message now has this UID in its folder (found there after a rule moved it). */
    public void place(String id, long uidValidity, long uid) {
        update(id, "uidvalidity = ?, uid = ?", ps -> {
            ps.setLong(1, uidValidity);
            ps.setLong(2, uid);
        });
    }

    public void setStatus(String id, Status status) {
        update(id, "status = ?", ps -> ps.setString(1, status.name()));
    }

    /** UIDs of messages archived as present in the folder under {@code uidValidity}. */
    public Set<Long> presentUids(String account, String folder, long uidValidity) {
        return new HashSet<>(presentColumn("uid", "=", account, folder, uidValidity, rs -> rs.getLong(1)));
    }

    /**
     * The ids of places archived as present in the folder under another UIDVALIDITY than {@code uidValidity}:
     * after the server renumbered the folder, those UIDs name nothing any more.
     */
    public List<String> presentUnderOtherUidValidity(String account, String folder, long uidValidity) {
        return presentColumn("id", "<>", account, folder, uidValidity, rs -> rs.getString(1));
    }

    /** One column of the folder's present places whose UIDVALIDITY compares by {@code op} to the given one. */
    private <T> List<T> presentColumn(String column, String op, String account, String folder, long uidValidity,
            LocationRows.Column<T> read) {
        return db.call(() -> "list archived messages of " + account + "/" + folder, c -> LocationRows.list(c,
                "SELECT " + column + " FROM archive_location WHERE account = ? AND folder = ? AND uidvalidity " + op
                        + " ? AND status = 'PRESENT' AND uid > 0", inFolder(account, folder, uidValidity), read));
    }

    private static LocationRows.Binder inFolder(String account, String folder, long uidValidity) {
        return ps -> {
            ps.setString(1, account);
            ps.setString(2, folder);
            ps.setLong(3, uidValidity);
        };
    }

    /** The place with this UID, if archived. */
    public Optional<ArchivedLocation> findAt(String account, String folder, long uidValidity, long uid) {
        return find(ArchivedLocation.idOf(account, folder, uidValidity, uid));
    }

    /** Calls {@code each} for every row, in id order, reading in pages so any archive size fits in memory. */
    public void forEach(Consumer<ArchivedLocation> each) {
        String after = "";
        while (true) {
            String from = after;
            List<ArchivedLocation> page = db.call(() -> "list the archive", c -> LocationRows.list(c, "SELECT "
                    + LocationRows.COLUMNS + " FROM archive_location WHERE id > ? ORDER BY id FETCH FIRST " + PAGE
                    + " ROWS ONLY", ps -> ps.setString(1, from), LocationRows::row));
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            after = page.getLast().id();
        }
    }

    /**
     * Forgets every place of {@code account} and its progress (see {@code ArchiveService.forgetAccount}).
     *
     * @return the content hashes that only {@code account}'s places named: stored bytes no place names any more
     */
    public Set<String> forgetAccount(String account) {
        return db.call(() -> "forget the archive of account " + account, c -> {
            Set<String> onlyHere = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT content_hash FROM archive_location l"
                    + " WHERE account = ? AND NOT EXISTS (SELECT 1 FROM archive_location o"
                    + " WHERE o.content_hash = l.content_hash AND o.account <> ?)")) {
                ps.setString(1, account);
                ps.setString(2, account);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        onlyHere.add(rs.getString(1));
                    }
                }
            }
            for (String table : List.of("archive_location", "archive_progress")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE account = ?")) {
                    ps.setString(1, account);
                    ps.executeUpdate();
                }
            }
            return onlyHere;
        });
    }

    public long count() {
        return db.call(() -> "count the archive", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM archive_location");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** How far archiving got in a folder: every UID up to the checkpoint's is archived. */
    public Optional<Checkpoint> progress(String account, String folder) {
        return db.call(() -> "read the archive progress of " + account + "/" + folder,
                c -> ProgressRows.read(c, account, folder));
    }

    /** Records that every message up to {@code lastUid} under {@code uidValidity} is archived. */
    public void saveProgress(String account, String folder, long uidValidity, long lastUid) {
        db.call(() -> "save the archive progress of " + account + "/" + folder, c -> {
            ProgressRows.write(c, account, folder, uidValidity, lastUid);
            return null;
        });
    }

    private void update(String id, String set, LocationRows.Binder bind) {
        db.call(() -> "update archived location " + id, c -> {
            LocationRows.update(c, id, set, bind);
            return null;
        });
    }
}
