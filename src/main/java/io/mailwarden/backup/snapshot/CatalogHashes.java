package io.mailwarden.backup.snapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Properties;
import java.util.zip.ZipFile;

/**
 * The content hashes the catalog refers to, in ascending order, read from the state database's copy in a
 * snapshot (H2 opens a database inside a zip read-only). The snapshot takes exactly these messages, so a
 * message stored while the snapshot was taken, whose catalog row the copy does not hold, waits for the next.
 */
final class CatalogHashes implements Iterator<String>, AutoCloseable {

    private static final String SQL = "SELECT DISTINCT content_hash FROM archive_location ORDER BY content_hash";

    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private String next;

    private CatalogHashes(Connection connection, PreparedStatement statement, ResultSet rows) throws SQLException {
        this.connection = connection;
        this.statement = statement;
        this.rows = rows;
        advance();
    }

    /**
     * Opens the catalog in an H2 backup zip.
     *
     * @throws IOException when the copy cannot be read or holds no catalog (then every stored message is taken)
     */
    static CatalogHashes open(Path zip) throws IOException {
        String db;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            db = z.stream().map(e -> e.getName()).filter(n -> n.endsWith(".mv.db")).findFirst()
                    .map(n -> n.substring(0, n.length() - ".mv.db".length()))
                    .orElseThrow(() -> new IOException("no H2 database in " + zip));
        }
        Connection c = null;
        try {
            c = new org.h2.Driver().connect("jdbc:h2:zip:" + zip.toAbsolutePath() + "!/" + db, new Properties());
            PreparedStatement ps = c.prepareStatement(SQL);
            return new CatalogHashes(c, ps, ps.executeQuery());
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new IOException("cannot read the catalog in " + zip + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public String next() {
        if (next == null) {
            throw new NoSuchElementException();
        }
        String h = next;
        try {
            advance();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog copy: " + e.getMessage(), e);
        }
        return h;
    }

    private void advance() throws SQLException {
        next = rows.next() ? rows.getString(1) : null;
    }

    @Override
    public void close() throws IOException {
        try (connection; statement; rows) {
            // closed in reverse order
        } catch (SQLException e) {
            throw new IOException("cannot close the catalog copy: " + e.getMessage(), e);
        }
    }
}
