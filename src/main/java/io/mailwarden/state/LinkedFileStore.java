package io.mailwarden.state;

import io.mailwarden.state.LinkedFile.Status;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files archived messages link to (table {@code archive_linked_file}): found by the indexer, downloaded
 * later by the daemon. A row names a stored file only once its bytes are in the store.
 */
@ApplicationScoped
public class LinkedFileStore {

    private static final String COLUMNS = "id, message_hash, url, name, status, file_hash, size_bytes, attempts,"
            + " next_attempt, problem, sent_at, found_at";

    private static final String PENDING_ONLY = " AND status = 'PENDING'";

    private final StateDb db;

    public LinkedFileStore(StateDb db) {
        this.db = db;
    }

    /**
     * Records the links of a message not recorded yet (pending, due at once) and returns the rows of all of
     * them, in the given order.
     *
     * Synchronized: two places of one message indexed at once must not both insert its rows.
     *
     * @param links each link and the file name the message gives it (or an empty string)
     * @param sentAt the message's Date, or null
     */
    public synchronized List<LinkedFile> found(String messageHash, Map<String, String> links, Instant sentAt,
            Instant now) {
        return db.call(() -> "record the linked files of message " + messageHash, c -> {
            List<LinkedFile> out = new ArrayList<>();
            for (Map.Entry<String, String> link : links.entrySet()) {
                String id = LinkedFile.idOf(messageHash, link.getKey());
                List<LinkedFile> known = select(c, "id = ?", ps -> ps.setString(1, id));
                if (known.isEmpty()) {
                    LinkedFile row = new LinkedFile(id, messageHash, link.getKey(), link.getValue(), Status.PENDING,
                            null, 0, 0, now, "", sentAt, now);
                    insert(c, row);
                    out.add(row);
                } else {
                    out.add(known.get(0));
                }
            }
            return out;
        });
    }

    /** Pending files whose next attempt is due, earliest first. */
    public List<LinkedFile> due(Instant now, int limit) {
        return db.call(() -> "list the linked files due for download", c -> select(c,
                "status = 'PENDING' AND next_attempt <= ? ORDER BY next_attempt FETCH FIRST " + limit + " ROWS ONLY",
                ps -> ps.setObject(1, StateDb.timestamp(now))));
    }

    /** A stored file downloaded from this link for another message (a reply or forward quoting the link). */
    public Optional<LinkedFile> storedFrom(String url) {
        return db.call(() -> "look up the linked file stored from a link", c -> select(c,
                "url = ? AND status = 'STORED' FETCH FIRST 1 ROWS ONLY", ps -> ps.setString(1, url)))
                .stream().findFirst();
    }

    /** The linked files of a message. */
    public List<LinkedFile> forMessage(String messageHash) {
        return db.call(() -> "list the linked files of message " + messageHash,
                c -> select(c, "message_hash = ?", ps -> ps.setString(1, messageHash)));
    }

    /** How many linked files stand where, every status present (0 when none). */
    public Map<Status, Long> counts() {
        return db.call(() -> "count the linked files", c -> {
            Map<Status, Long> out = new EnumMap<>(Status.class);
            for (Status s : Status.values()) {
                out.put(s, 0L);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, COUNT(*) FROM archive_linked_file GROUP BY status");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(Status.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** Every stored file (to verify the store). */
    public List<LinkedFile> stored() {
        return db.call(() -> "list the stored linked files", c -> select(c, "status = 'STORED'", ps -> { }));
    }

    /** The file is in the store under {@code fileHash}. */
    public void stored(String id, String fileHash, String name, long size, Instant now) {
        update(id, "status = 'STORED', file_hash = ?, name = ?, size_bytes = ?, problem = '', attempts = attempts + 1",
                "", now, ps -> {
                    ps.setString(1, fileHash);
                    ps.setString(2, StateDb.cut(name, 1000));
                    ps.setLong(3, size);
                });
    }

    /**
     * The attempt failed in a way that may pass: tried again at {@code next}. Only a pending row changes: a file
     * stored meanwhile (an import of an export that holds it) stays stored.
     */
    public void retry(String id, String problem, Instant next, Instant now) {
        update(id, "problem = ?, next_attempt = ?, attempts = attempts + 1", PENDING_ONLY, now, ps -> {
            ps.setString(1, StateDb.cut(problem, 2000));
            ps.setObject(2, StateDb.timestamp(next));
        });
    }

    /** The file will not be downloaded, for {@code problem}; only a pending row changes (see {@link #retry}). */
    public void gone(String id, String problem, Instant now) {
        update(id, "status = 'GONE', problem = ?, attempts = attempts + 1", PENDING_ONLY, now,
                ps -> ps.setString(1, StateDb.cut(problem, 2000)));
    }

    private void update(String id, String set, String andWhere, Instant now, LocationRows.Binder bind) {
        db.call(() -> "update linked file " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE archive_linked_file SET " + set
                    + ", updated_at = ? WHERE id = ?" + andWhere)) {
                bind.bind(ps);
                int n = ps.getParameterMetaData().getParameterCount(); // the SET clause's own come first
                ps.setObject(n - 1, StateDb.timestamp(now));
                ps.setString(n, id);
                return ps.executeUpdate();
            }
        });
    }

    private static void insert(Connection c, LinkedFile f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO archive_linked_file (" + COLUMNS
                + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, f.id());
            ps.setString(2, f.messageHash());
            ps.setString(3, f.url());
            ps.setString(4, StateDb.cut(f.name(), 1000));
            ps.setString(5, f.status().name());
            ps.setString(6, f.fileHash());
            ps.setLong(7, f.size());
            ps.setInt(8, f.attempts());
            ps.setObject(9, StateDb.timestamp(f.nextAttempt()));
            ps.setString(10, f.problem());
            ps.setObject(11, f.sentAt() == null ? null : StateDb.timestamp(f.sentAt()));
            ps.setObject(12, StateDb.timestamp(f.foundAt()));
            ps.setObject(13, StateDb.timestamp(f.foundAt()));
            ps.executeUpdate();
        }
    }

    private static List<LinkedFile> select(Connection c, String where, LocationRows.Binder bind) throws SQLException {
        return LocationRows.list(c, "SELECT " + COLUMNS + " FROM archive_linked_file WHERE " + where, bind,
                LinkedFileStore::row);
    }

    private static LinkedFile row(ResultSet rs) throws SQLException {
        return new LinkedFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Status.valueOf(rs.getString(5)), rs.getString(6), rs.getLong(7), rs.getInt(8),
                StateDb.instant(rs, "next_attempt"), rs.getString(10), StateDb.instant(rs, "sent_at"),
                StateDb.instant(rs, "found_at"));
    }
}
