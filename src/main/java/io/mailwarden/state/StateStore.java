package io.mailwarden.state;

import jakarta.enterprise.context.ApplicationScoped;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jboss.logging.Logger;

/**
 * The state store as the daemon uses it: schema migration at start, and the one call that finishes a
 * message — mark it done and advance the folder's checkpoint in one transaction, so that a crash
 * leaves either both writes or neither.
 */
@ApplicationScoped
public class StateStore {

    private static final Logger LOG = Logger.getLogger(StateStore.class);

    private final StateDb db;
    private final Flyway flyway;
    private final CheckpointStore checkpoints;
    private final ProcessedStore processed;

    public StateStore(StateDb db, Flyway flyway, CheckpointStore checkpoints, ProcessedStore processed) {
        this.db = db;
        this.flyway = flyway;
        this.checkpoints = checkpoints;
        this.processed = processed;
    }

    /**
     * Creates or upgrades the schema (Flyway migrations in {@code db/migration}); a no-op when it is
     * current. The daemon calls this once at its start; nothing else creates the database.
     *
     * @return how many migrations were applied now
     */
    public int migrate() {
        try {
            int applied = flyway.migrate().migrationsExecuted;
            if (applied > 0) {
                LOG.infof("state store: applied %d schema migration(s)", applied);
            }
            return applied;
        } catch (FlywayException e) {
            LOG.debug("state store: migration failed", e);
            throw new StateException("state store: could not create or upgrade the database schema ("
                    + firstLine(e.getMessage()) + ")", e);
        }
    }

    /**
     * Runs {@code work} so that every state store call it makes on this thread commits together, or
     * none does: when it throws, everything is rolled back and the exception rethrown.
     */
    public void inTransaction(Runnable work) {
        db.inTransaction(() -> "complete a state store transaction", work);
    }

    /**
     * Marks the message done and moves its folder's checkpoint to {@code newLastUid} (never backwards;
     * a new UIDVALIDITY replaces it), in one transaction. Call it after carrying out the message's plan.
     */
    public void completeMessage(MessageKey key, String messageId, String contentHash, long newLastUid) {
        db.inTransaction(() -> "complete the message at " + key, () -> {
            processed.markDone(key, messageId, contentHash);
            checkpoints.save(key.account(), key.folder(), key.uidValidity(), newLastUid);
        });
    }

    /**
     * Forgets an account's checkpoints and handled messages (the audit trail stays), so that watching
     * starts afresh: the demo uses it for its throw-away mail server.
     */
    public void forgetAccount(String account) {
        db.inTransaction(() -> "forget the state of account " + account, () -> db.call(
                () -> "forget the state of account " + account, c -> {
                    for (String table : new String[] {"checkpoint", "processed_message"}) {
                        try (var ps = c.prepareStatement("DELETE FROM " + table + " WHERE account = ?")) {
                            ps.setString(1, account);
                            ps.executeUpdate();
                        }
                    }
                    return null;
                }));
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown cause";
        }
        String line = s.strip().lines().findFirst().orElse("unknown cause");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
