package io.mailwarden.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** UID checkpoints: per account and folder, the UIDVALIDITY and the highest UID handled. */
@ApplicationScoped
public class CheckpointStore {

    private final StateDb db;

    public CheckpointStore(StateDb db) {
        this.db = db;
    }

    /** The checkpoint of one folder, empty if the daemon has never recorded one. */
    public Optional<Checkpoint> find(String account, String folder) {
        return db.call(() -> "read the checkpoint of account " + account + ", folder " + folder,
                c -> Optional.ofNullable(read(c, account, folder)));
    }

    /**
     * Records that every message up to {@code lastUid} under {@code uidValidity} is handled. Under the
     * stored UIDVALIDITY the checkpoint only moves forward (a lower {@code lastUid} changes nothing); a
     * different UIDVALIDITY replaces the checkpoint, since the old UIDs mean nothing any more.
     */
    public void save(String account, String folder, long uidValidity, long lastUid) {
        db.call(() -> "save the checkpoint of account " + account + ", folder " + folder, c -> {
            write(c, account, folder, uidValidity, lastUid);
            return null;
        });
    }

    private void write(Connection c, String account, String folder, long uidValidity, long lastUid)
            throws SQLException {
        Checkpoint old = read(c, account, folder);
        if (old == null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO checkpoint"
                    + " (account, folder, uidvalidity, last_uid, updated_at, watched_since) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, account);
                ps.setString(2, folder);
                ps.setLong(3, uidValidity);
                ps.setLong(4, lastUid);
                ps.setObject(5, StateDb.timestamp(Instant.now()));
                ps.setObject(6, StateDb.timestamp(Instant.now()));
                ps.executeUpdate();
            }
            return;
        }
        if (old.uidValidity() == uidValidity && old.lastUid() >= lastUid) {
            return;
        }
        // the WHERE clause repeats the rule, so a concurrent writer that got ahead is never undone
        try (PreparedStatement ps = c.prepareStatement("UPDATE checkpoint SET uidvalidity = ?, last_uid = ?,"
                + " updated_at = ? WHERE account = ? AND folder = ? AND (uidvalidity <> ? OR last_uid < ?)")) {
            ps.setLong(1, uidValidity);
            ps.setLong(2, lastUid);
            ps.setObject(3, StateDb.timestamp(Instant.now()));
            ps.setString(4, account);
            ps.setString(5, folder);
            ps.setLong(6, uidValidity);
            ps.setLong(7, lastUid);
            ps.executeUpdate();
        }
    }

    private static Checkpoint read(Connection c, String account, String folder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT uidvalidity, last_uid, updated_at, watched_since FROM checkpoint"
                + " WHERE account = ? AND folder = ?")) {
            ps.setString(1, account);
            ps.setString(2, folder);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Checkpoint(account, folder, rs.getLong("uidvalidity"), rs.getLong("last_uid"),
                        StateDb.instant(rs, "updated_at"), StateDb.instant(rs, "watched_since")) : null;
            }
        }
    }
}
