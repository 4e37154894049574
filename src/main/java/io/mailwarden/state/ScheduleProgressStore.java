package io.mailwarden.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Progress of scheduled rules' runs, per rule, account and folder (table {@code schedule_progress}). */
@ApplicationScoped
public class ScheduleProgressStore {

    private final StateDb db;

    public ScheduleProgressStore(StateDb db) {
        this.db = db;
    }

    public Optional<ScheduleProgress> find(String rule, String account, String folder) {
        return db.call(() -> "read the progress of rule " + rule + " in " + account + "/" + folder,
                c -> Optional.ofNullable(read(c, rule, account, folder)));
    }

    /**
     * Where a run of {@code rule} in this folder starts: after the last UID of an unfinished run under the
     * same UIDVALIDITY (that run goes on), else from the beginning, as a new run begun {@code now}.
     *
     * @return the UID after which to start
     */
    public long begin(String rule, String account, String folder, long uidValidity, Instant now) {
        return db.call(() -> "start a run of rule " + rule + " in " + account + "/" + folder, c -> {
            ScheduleProgress old = read(c, rule, account, folder);
            if (old != null && !old.finished() && old.uidValidity() == uidValidity) {
                return old.lastUid();
            }
            String sql = old == null
                    ? "INSERT INTO schedule_progress (uidvalidity, last_uid, run_started, finished_at, updated_at,"
                            + " rule, account, folder) VALUES (?, 0, ?, NULL, ?, ?, ?, ?)"
                    : "UPDATE schedule_progress SET uidvalidity = ?, last_uid = 0, run_started = ?, finished_at = NULL,"
                            + " updated_at = ? WHERE rule = ? AND account = ? AND folder = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, uidValidity);
                ps.setObject(2, StateDb.timestamp(now));
                ps.setObject(3, StateDb.timestamp(Instant.now()));
                key(ps, 4, rule, account, folder);
                ps.executeUpdate();
            }
            return 0L;
        });
    }

    /** Every message up to {@code uid} was evaluated in the current run. */
    public void advance(String rule, String account, String folder, long uid) {
        update("record the progress of rule " + rule, "last_uid = ?, updated_at = ?", rule, account, folder, ps -> {
            ps.setLong(1, uid);
            ps.setObject(2, StateDb.timestamp(Instant.now()));
        });
    }

    /** The current run walked the whole folder. */
    public void finish(String rule, String account, String folder, Instant now) {
        update("finish a run of rule " + rule, "finished_at = ?, updated_at = ?", rule, account, folder, ps -> {
            ps.setObject(1, StateDb.timestamp(now));
            ps.setObject(2, StateDb.timestamp(Instant.now()));
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void update(String what, String set, String rule, String account, String folder, Binder values) {
        db.call(() -> what + " in " + account + "/" + folder, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE schedule_progress SET " + set
                    + " WHERE rule = ? AND account = ? AND folder = ?")) {
                values.bind(ps);
                key(ps, 3, rule, account, folder);
                return ps.executeUpdate();
            }
        });
    }

    private static void key(PreparedStatement ps, int from, String rule, String account, String folder) throws SQLException {
        ps.setString(from, StateDb.cut(rule, AuditTrail.MAX_TEXT));
        ps.setString(from + 1, account);
        ps.setString(from + 2, folder);
    }

    private static ScheduleProgress read(Connection c, String rule, String account, String folder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT uidvalidity, last_uid, run_started, finished_at"
                + " FROM schedule_progress WHERE rule = ? AND account = ? AND folder = ?")) {
            key(ps, 1, rule, account, folder);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ScheduleProgress(rule, account, folder, rs.getLong("uidvalidity"),
                        rs.getLong("last_uid"), StateDb.instant(rs, "run_started"), StateDb.instant(rs, "finished_at")) : null;
            }
        }
    }
}
