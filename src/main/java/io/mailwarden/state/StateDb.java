package io.mailwarden.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Runs units of work on the state datasource, each in one transaction. A unit run inside
 * {@link #inTransaction} joins the enclosing transaction (same thread, same connection), so several
 * store calls commit or roll back together. Connections are taken from the pool only when work runs.
 */
@ApplicationScoped
public class StateDb {

    private static final Logger LOG = Logger.getLogger(StateDb.class);

    /** Work on one connection. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    public StateDb(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} in one transaction: the enclosing one if this thread is inside
     * {@link #inTransaction}, else a new one committed before returning.
     *
     * @param what what the work does, for the error message ("save the checkpoint of account a, folder f")
     */
    public <T> T call(Supplier<String> what, SqlWork<T> work) {
        Connection joined = current.get();
        try {
            if (joined != null) {
                return work.run(joined);
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(c, e);
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw failure(what.get(), e);
        }
    }

    /**
     * Runs {@code work} so that every store call it makes on this thread commits together, or none does
     * (when it throws, the transaction is rolled back and the exception rethrown). Nested calls join.
     */
    public void inTransaction(Supplier<String> what, Runnable work) {
        if (current.get() != null) {
            work.run();
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            current.set(c);
            try {
                work.run();
                c.commit();
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                current.remove();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what.get(), e);
        }
    }

    /**
     * Writes a transactionally consistent copy of the database to the zip file {@code zip} while it is in use
     * (H2's online {@code BACKUP TO}); false, writing nothing, when the state store is not an H2 file database.
     */
    public boolean backupTo(java.nio.file.Path zip) {
        return call(() -> "back up the database to " + zip, c -> {
            String url = c.getMetaData().getURL();
            if (url == null || !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")) {
                return false;
            }
            try (var s = c.createStatement()) {
                s.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            return true;
        });
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static StateException failure(String what, SQLException e) {
        LOG.debugf(e, "state store: could not %s", what);
        return new StateException("state store: could not " + what + " (" + reason(e) + ")", e);
    }

    /** A short reason without SQL text: connection trouble, a constraint, or the SQL state. */
    private static String reason(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return "the database cannot be reached";
        }
        if (state.startsWith("23")) {
            return "a value breaks a constraint of the stored data";
        }
        if (state.startsWith("22")) {
            return "a value does not fit its column";
        }
        if (state.startsWith("42")) {
            return "the schema is missing or out of date: run the daemon once to migrate it";
        }
        return "database error, SQL state " + (state.isEmpty() ? "unknown" : state);
    }

    static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(java.sql.ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** {@code s} cut to {@code max} characters ({@code null} stays {@code null}). */
    static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static boolean isDuplicateKey(SQLException e) {
        return "23505".equals(e.getSQLState());
    }
}
