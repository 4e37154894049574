package io.mailwarden.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** The SQL of table {@code archive_progress}: how far archiving got per folder, within a caller's transaction. */
final class ProgressRows {

    private ProgressRows() {
    }

    static Optional<Checkpoint> read(Connection c, String account, String folder) throws SQLException {
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
    }

    static void write(Connection c, String account, String folder, long uidValidity, long lastUid) throws SQLException {
        if (write(c, "UPDATE archive_progress SET uidvalidity = ?, last_uid = ?, updated_at = ?"
                + " WHERE account = ? AND folder = ?", account, folder, uidValidity, lastUid) == 0) {
            write(c, "INSERT INTO archive_progress (uidvalidity, last_uid, updated_at, account, folder)"
                    + " VALUES (?, ?, ?, ?, ?)", account, folder, uidValidity, lastUid);
        }
    }

    private static int write(Connection c, String sql, String account, String folder, long uidValidity, long lastUid)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, uidValidity);
            ps.setLong(2, lastUid);
            ps.setObject(3, StateDb.timestamp(Instant.now()));
            ps.setString(4, account);
            ps.setString(5, folder);
            return ps.executeUpdate();
        }
    }
}
