package io.mailwarden.state;

import io.mailwarden.state.ArchivedLocation.Status;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The SQL of table {@code archive_location}: rows to {@link ArchivedLocation}s and back, within a caller's transaction. */
final class LocationRows {

    static final String COLUMNS = "id, account, folder, uidvalidity, uid, content_hash, message_id, size_bytes,"
            + " internal_date, flags, rules, status, archived_at, updated_at";
    private static final String INSERT = "INSERT INTO archive_location (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Sets a statement's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /** Reads one value of the current row. */
    @FunctionalInterface
    interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private LocationRows() {
    }

    /** Inserts the place unless its id is known; whether it was inserted. */
    static boolean insert(Connection c, ArchivedLocation l) throws SQLException {
        if (read(c, "id = ?", ps -> ps.setString(1, l.id())).isPresent()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bindRow(ps, l);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (StateDb.isDuplicateKey(e)) {
                return false; // archived by another thread meanwhile (watcher and backfill overlap)
            }
            throw e;
        }
    }

    /**
     * Inserts the places whose ids are not known, with one look-up and one batch of inserts (a backfill batch's
     * places: the per-row look-up was a third of the catalog's time).
     */
    static void insertAll(Connection c, List<ArchivedLocation> places) throws SQLException {
        if (places.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>(list(c, "SELECT id FROM archive_location WHERE id IN ("
                + String.join(", ", Collections.nCopies(places.size(), "?")) + ")", ps -> {
                    for (int i = 0; i < places.size(); i++) {
                        ps.setString(i + 1, places.get(i).id());
                    }
                }, rs -> rs.getString(1)));
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (ArchivedLocation l : places) {
                if (known.add(l.id())) {
                    bindRow(ps, l);
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        } catch (BatchUpdateException e) {
            SQLException first = e.getNextException() != null ? e.getNextException() : e;
            for (SQLException each = first; each != null; each = each.getNextException()) {
                if (!StateDb.isDuplicateKey(each)) {
                    throw e;
                }
            } // only places another thread archived meanwhile (watcher and backfill overlap): those rows are there
        }
    }

    private static void bindRow(PreparedStatement ps, ArchivedLocation l) throws SQLException {
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
    }

    /** The first place matching {@code where}. */
    static Optional<ArchivedLocation> read(Connection c, String where, Binder bind) throws SQLException {
        List<ArchivedLocation> found = list(c, "SELECT " + COLUMNS + " FROM archive_location WHERE " + where, bind,
                LocationRows::row);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
    }

    /** One value of every row {@code sql} selects. */
    static <T> List<T> list(Connection c, String sql, Binder bind, Column<T> column) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(column.read(rs));
                }
            }
        }
        return out;
    }

    /** Sets {@code set} (with its parameters bound first) on the place with this id. */
    static void update(Connection c, String id, String set, Binder bind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE archive_location SET " + set
                + ", updated_at = CURRENT_TIMESTAMP WHERE id = ?")) {
            bind.bind(ps);
            ps.setString(ps.getParameterMetaData().getParameterCount(), id);
            ps.executeUpdate();
        }
    }

    static ArchivedLocation row(ResultSet rs) throws SQLException {
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
