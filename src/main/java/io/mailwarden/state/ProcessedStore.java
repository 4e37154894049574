package io.mailwarden.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Which messages the daemon has handled, and how often a failing plan was tried. A message is
 * recognised across folders and UIDVALIDITY changes by its Message-ID plus the SHA-256 of its raw bytes.
 */
@ApplicationScoped
public class ProcessedStore {

    static final int MAX_MESSAGE_ID = 998;
    static final int MAX_ERROR = 2000;

    private final StateDb db;

    public ProcessedStore(StateDb db) {
        this.db = db;
    }

    /**
     * Whether a message with this Message-ID and content hash was handled successfully in any folder of
     * the account, under any UIDVALIDITY. An empty (or {@code null}) Message-ID matches on the hash alone.
     */
    public boolean alreadyDone(String account, String messageId, String contentHash) {
        String id = messageId(messageId);
        String sql = "SELECT 1 FROM processed_message WHERE account = ? AND content_hash = ? AND outcome = 'DONE'"
                + (id.isEmpty() ? "" : " AND message_id = ?");
        return db.call(() -> "look up handled messages of account " + account, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setMaxRows(1);
                ps.setString(1, account);
                ps.setString(2, contentHash);
                if (!id.isEmpty()) {
                    ps.setString(3, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Records that the message's plan was carried out. */
    public void markDone(MessageKey key, String messageId, String contentHash) {
        db.call(() -> "mark as done the message at " + key,
                c -> write(c, key, messageId, contentHash, Outcome.DONE, null));
    }

    /**
     * Records a failed attempt at the message's plan.
     *
     * @return how many attempts have been made so far, this one included
     */
    public int recordFailure(MessageKey key, String messageId, String contentHash, String error) {
        return db.call(() -> "record a failure of the message at " + key,
                c -> write(c, key, messageId, contentHash, Outcome.FAILED, error == null ? "" : error));
    }

    /** What is known about the message at {@code key}, empty if it was never tried. */
    public Optional<ProcessedMessage> find(MessageKey key) {
        return db.call(() -> "read the state of the message at " + key, c -> Optional.ofNullable(read(c, key)));
    }

    private static int write(Connection c, MessageKey key, String messageId, String contentHash, Outcome outcome,
            String error) throws SQLException {
        ProcessedMessage old = read(c, key);
        int attempts = old == null ? 1 : old.attempts() + 1;
        String sql = old == null
                ? "INSERT INTO processed_message (message_id, content_hash, outcome, attempts, last_error, updated_at,"
                        + " account, folder, uidvalidity, uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE processed_message SET message_id = ?, content_hash = ?, outcome = ?, attempts = ?,"
                        + " last_error = ?, updated_at = ? WHERE account = ? AND folder = ? AND uidvalidity = ? AND uid = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, messageId(messageId));
            ps.setString(2, contentHash);
            ps.setString(3, outcome.name());
            ps.setInt(4, attempts);
            ps.setString(5, error != null ? StateDb.cut(error, MAX_ERROR) : old == null ? null : old.lastError());
            ps.setObject(6, StateDb.timestamp(Instant.now()));
            ps.setString(7, key.account());
            ps.setString(8, key.folder());
            ps.setLong(9, key.uidValidity());
            ps.setLong(10, key.uid());
            ps.executeUpdate();
        }
        return attempts;
    }

    private static ProcessedMessage read(Connection c, MessageKey key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT message_id, content_hash, outcome, attempts, last_error,"
                + " updated_at FROM processed_message WHERE account = ? AND folder = ? AND uidvalidity = ? AND uid = ?")) {
            ps.setString(1, key.account());
            ps.setString(2, key.folder());
            ps.setLong(3, key.uidValidity());
            ps.setLong(4, key.uid());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ProcessedMessage(key, rs.getString("message_id"), rs.getString("content_hash"),
                        Outcome.valueOf(rs.getString("outcome")), rs.getInt("attempts"), rs.getString("last_error"),
                        StateDb.instant(rs, "updated_at")) : null;
            }
        }
    }

    private static String messageId(String messageId) {
        return messageId == null ? "" : StateDb.cut(messageId.strip(), MAX_MESSAGE_ID);
    }
}
