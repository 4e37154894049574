package io.mailwarden.backup.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * Tells whether a running mailwarden holds a data directory: the daemon (or {@code backfill}, {@code reindex})
 * holds the index's write lock, and any process using the state database holds H2's file lock.
 */
final class InUse {

    /** H2's "Database may be already in use". */
    private static final int H2_ALREADY_OPEN = 90020;

    private InUse() {
    }

    /** @throws SnapshotException naming what is held */
    static void refuseIfRunning(Path dataDir) throws IOException {
        Path lucene = dataDir.resolve(SnapshotTaker.LUCENE);
        if (Files.isDirectory(lucene)) {
            try (Directory d = FSDirectory.open(lucene); Lock held = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                held.ensureValid();
            } catch (LockObtainFailedException e) {
                throw running("the index " + lucene + " is locked (its write.lock is held)");
            }
        }
        for (Path db : databases(dataDir.resolve("state"))) {
            String base = db.toAbsolutePath().toString();
            base = base.substring(0, base.length() - ".mv.db".length());
            try (Connection c = new org.h2.Driver().connect("jdbc:h2:file:" + base + ";IFEXISTS=TRUE", new Properties())) {
                c.isValid(1);
            } catch (SQLException e) {
                if (e.getErrorCode() == H2_ALREADY_OPEN) {
                    throw running("the state database " + db + " is open in another process");
                }
                // damaged, or other credentials: not held, and the restore replaces it anyway
            }
        }
    }

    private static List<Path> databases(Path state) throws IOException {
        if (!Files.isDirectory(state)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(state)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".mv.db")).toList();
        }
    }

    private static SnapshotException running(String what) {
        return new SnapshotException(what + ": is the daemon (or another mailwarden command) running? Stop it first;"
                + " restore-snapshot needs the data directory to itself");
    }
}
