package io.mailwarden.state;

import io.mailwarden.state.ArchivedLocation.Status;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The archive's catalog: where each archived message lives (table {@code archive_location}) and how far
 * archiving got per folder ({@code archive_progress}). A row is written only after the message's bytes
 * are safely in the raw store, so every row names bytes that exist.
 */
@ApplicationScoped
public class ArchiveCatalog {

    private static final String COLUMNS = "id, account, folder, uidvalidity, uid, content_hash, message_id, size_bytes,"
            + " internal_date, flags, rules, status, archived_at, updated_at";

    private static final int PAGE = 1000;

    private final StateDb db;

    public ArchiveCatalog(StateDb db) {
        this.db = db;
    }

    /** Adds the place unless its id is known; returns whether it was added. */
    public boolean add(ArchivedLocation l) {
        return db.call(() -> "record archived message " + l.contentHash() + " in " + l.account() + "/" + l.folder(),
                c -> insert(c, l));
    }

    /**
     * Records a backfill batch in one transaction: the new places, the UIDs found for places a rule moved
     * here, and the folder's progress up to {@code lastUid}. Places known already are left as they are.
     */
    public void recordBatch(List<ArchivedLocation> added, List<ArchivedLocation> placed, String account, String folder,
            long uidValidity, long lastUid) {
        db.call(() -> "record " + added.size() + " archived messages of " + account + "/" + folder, c -> {
            for (ArchivedLocation l : added) {
                insert(c, l);
            }
            for (ArchivedLocation l : placed) {
                updateIn(c, l.id(), "uidvalidity = ?, uid = ?", ps -> {
                    ps.setLong(1, l.uidValidity());
                    ps.setLong(2, l.uid());
                });
            }
            progressIn(c, account, folder, uidValidity, lastUid);
            return null;
        });
    }

    /** Every UID of the folder under {@code uidValidity} that has a place, whatever its status. */
    public Set<Long> uids(String account, String folder, long uidValidity) {
        return db.call(() -> "list archived UIDs of " + account + "/" + folder, c -> {
            Set<Long> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT uid FROM archive_location WHERE account = ?"
                    + " AND folder = ? AND uidvalidity = ?")) {
                ps.setString(1, account);
                ps.setString(2, folder);
                ps.setLong(3, uidValidity);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    /** The places rules moved into the folder that wait for their UID there, by content hash. */
    public Map<String, ArchivedLocation> awaitingUid(String account, String folder) {
        return db.call(() -> "list messages moved into " + account + "/" + folder, c -> {
            Map<String, ArchivedLocation> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM archive_location"
                    + " WHERE account = ? AND folder = ? AND uid = 0")) {
                ps.setString(1, account);
                ps.setString(2, folder);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ArchivedLocation l = row(rs);
                        out.put(l.contentHash(), l);
                    }
                }
            }
            return out;
        });
    }

    private static boolean insert(Connection c, ArchivedLocation l) throws SQLException {
        if (read(c, "id = ?", ps -> ps.setString(1, l.id())).isPresent()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive_location (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, l.id());
            ps.setString(2, l.account());
            ps.setString(3, l.folder());
            ps.setLong(4, l.uidValidity());
            ps.setLong(5, l.uid());
            ps.setString(6, l.contentHash());
            ps.setString(7, StateDb.cut(l.messageId(), 998));
            ps.setLong(8, l.size());
            ps.setObject(9, l.internalDate() == null ? null : StateDb.timestamp(l.internalDate()));
            ps.setString(10, StateDb.cut(String.join(" ", l.flags()), 1000));
            ps.setString(11, StateDb.cut(String.join("\n", l.rules()), 2000));
            ps.setString(12, l.status().name());
            ps.setObject(13, StateDb.timestamp(l.archivedAt()));
            ps.setObject(14, StateDb.timestamp(Instant.now()));
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (StateDb.isDuplicateKey(e)) {
                return false; // archived by another thread meanwhile (watcher and backfill overlap)
            }
            throw e;
        }
    }

    public Optional<ArchivedLocation> find(String id) {
        return db.call(() -> "read archived location " + id, c -> read(c, "id = ?", ps -> ps.setString(1, id)));
    }

    /** The row a rule's move left in {@code folder} for these bytes, waiting for its UID. */
    public Optional<ArchivedLocation> findMoved(String account, String folder, String contentHash) {
        return find(ArchivedLocation.movedIdOf(account, folder, contentHash)).filter(l -> l.uid() == 0);
    }

    /** Whether these bytes are archived in {@code account}/{@code folder} (at a place not moved away from). */
    public boolean holds(String account, String folder, String contentHash) {
        return db.call(() -> "look up " + contentHash + " in " + account + "/" + folder, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM archive_location WHERE content_hash = ?"
                    + " AND account = ? AND folder = ? AND status <> 'MOVED'")) {
                ps.setString(1, contentHash);
                ps.setString(2, account);
                ps.setString(3, folder);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
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

    @FunctionalInterface
    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** One column of the folder's present places whose UIDVALIDITY compares by {@code op} to the given one. */
    private <T> List<T> presentColumn(String column, String op, String account, String folder, long uidValidity,
            Column<T> read) {
        return db.call(() -> "list archived messages of " + account + "/" + folder, c -> {
            List<T> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM archive_location WHERE account = ?"
                    + " AND folder = ? AND uidvalidity " + op + " ? AND status = 'PRESENT' AND uid > 0")) {
                ps.setString(1, account);
                ps.setString(2, folder);
                ps.setLong(3, uidValidity);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read.read(rs));
                    }
                }
            }
            return out;
        });
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
            List<ArchivedLocation> page = db.call(() -> "list the archive", c -> readAll(c, from));
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /**
     * Forgets every place of {@code account} and its progress (the raw bytes stay): for {@code demo}, whose
     * mail server starts empty each time. The index drops the documents at the next start's repair.
     */
    public void forgetAccount(String account) {
        db.call(() -> "forget the archive of account " + account, c -> {
            for (String table : List.of("archive_location", "archive_progress")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE account = ?")) {
                    ps.setString(1, account);
                    ps.executeUpdate();
                }
            }
            return null;
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
        return db.call(() -> "read the archive progress of " + account + "/" + folder, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT uidvalidity, last_uid, updated_at FROM archive_progress"
                    + " WHERE account = ? AND folder = ?")) {
                ps.setString(1, account);
                ps.setString(2, folder);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new Checkpoint(account, folder, rs.getLong(1), rs.getLong(2),
                                    StateDb.instant(rs, "updated_at"), null))
                            : Optional.empty();
                }
            }
        });
    }

    /** Records that every message up to {@code lastUid} under {@code uidValidity} is archived. */
    public void saveProgress(String account, String folder, long uidValidity, long lastUid) {
        db.call(() -> "save the archive progress of " + account + "/" + folder, c -> {
            progressIn(c, account, folder, uidValidity, lastUid);
            return null;
        });
    }

    private static void progressIn(Connection c, String account, String folder, long uidValidity, long lastUid)
            throws SQLException {
        if (writeProgress(c, "UPDATE archive_progress SET uidvalidity = ?, last_uid = ?, updated_at = ?"
                + " WHERE account = ? AND folder = ?", account, folder, uidValidity, lastUid) == 0) {
            writeProgress(c, "INSERT INTO archive_progress (uidvalidity, last_uid, updated_at, account, folder)"
                    + " VALUES (?, ?, ?, ?, ?)", account, folder, uidValidity, lastUid);
        }
    }

    private static int writeProgress(Connection c, String sql, String account, String folder, long uidValidity,
            long lastUid) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, uidValidity);
            ps.setLong(2, lastUid);
            ps.setObject(3, StateDb.timestamp(Instant.now()));
            ps.setString(4, account);
            ps.setString(5, folder);
            return ps.executeUpdate();
        }
    }

    private static List<ArchivedLocation> readAll(Connection c, String after) throws SQLException {
        List<ArchivedLocation> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM archive_location WHERE id > ? ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY")) {
            ps.setString(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static Optional<ArchivedLocation> read(Connection c, String where, Binder bind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM archive_location WHERE " + where)) {
            bind.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    private void update(String id, String set, Binder bind) {
        db.call(() -> "update archived location " + id, c -> {
            updateIn(c, id, set, bind);
            return null;
        });
    }

    private static void updateIn(Connection c, String id, String set, Binder bind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE archive_location SET " + set
                + ", updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
            bind.bind(ps);
            ps.setString(ps.getParameterMetaData().getParameterCount(), id);
            ps.executeUpdate();
        }
    }

    private static ArchivedLocation row(ResultSet rs) throws SQLException {
        String flags = rs.getString("flags");
        String rules = rs.getString("rules");
        return new ArchivedLocation(rs.getString("id"), rs.getString("account"), rs.getString("folder"),
                rs.getLong("uidvalidity"), rs.getLong("uid"), rs.getString("content_hash"), rs.getString("message_id"),
                rs.getLong("size_bytes"), StateDb.instant(rs, "internal_date"),
                flags.isEmpty() ? Set.of() : new HashSet<>(Arrays.asList(flags.split(" "))),
                rules.isEmpty() ? List.of() : Arrays.asList(rules.split("\n")), Status.valueOf(rs.getString("status")),
                StateDb.instant(rs, "archived_at"));
    }
}
