package io.mailwarden.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The outbox of automatic mail and the vacation memory (tables {@code outbox} and {@code reply_memory}).
 * A mail is stored once per source message, rule and kind; it is marked sent only after the SMTP
 * server accepted it, so a crash in between sends it again (at least once, never lost).
 */
@ApplicationScoped
public class OutboxStore {

    private static final String COLUMNS = "id, account, source_hash, rule, kind, folder, uid, source_message_id,"
            + " recipients, message_id, content, status, attempts, next_attempt_at, last_error, sent_at";

    private final StateDb db;

    public OutboxStore(StateDb db) {
        this.db = db;
    }

    /** The id of the mail already stored for this source message, rule and kind, if any. */
    public Optional<Long> find(String account, String sourceHash, String rule, String kind) {
        return db.call(() -> "look up the outbox of account " + account, c -> Optional.ofNullable(id(c, account,
                sourceHash, rule, kind)));
    }

    /** When {@code rule} last answered {@code sender} for {@code account}, if ever. */
    public Optional<Instant> lastReply(String account, String rule, String sender) {
        return db.call(() -> "read the reply memory of account " + account, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT replied_at FROM reply_memory WHERE account = ? AND rule = ? AND sender = ?")) {
                ps.setString(1, account);
                ps.setString(2, StateDb.cut(rule, AuditTrail.MAX_TEXT));
                ps.setString(3, sender);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(StateDb.instant(rs, "replied_at")) : Optional.<Instant>empty();
                }
            }
        });
    }

    /**
     * Stores a pending mail and, for a reply, remembers that {@code rule} answered {@code repliedTo}
     * (null for a forward), in one transaction. A mail already stored for the same key is kept as it is.
     *
     * @return the row's id (the existing one when the mail was stored before)
     */
    public long enqueue(OutboxEntry e, String repliedTo, Instant now) {
        return db.call(() -> "store an outgoing mail of account " + e.account(), c -> {
            Long existing = id(c, e.account(), e.sourceHash(), e.rule(), e.kind());
            if (existing != null) {
                return existing;
            }
            if (repliedTo != null) {
                remember(c, e.account(), e.rule(), repliedTo, now);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (account, source_hash, rule, kind, folder,"
                    + " uid, source_message_id, recipients, message_id, content, status, attempts, next_attempt_at,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)", new String[] {"id"})) {
                ps.setString(1, e.account());
                ps.setString(2, e.sourceHash());
                ps.setString(3, StateDb.cut(e.rule(), AuditTrail.MAX_TEXT));
                ps.setString(4, StateDb.cut(e.kind(), AuditTrail.MAX_TEXT));
                ps.setString(5, e.folder());
                ps.setLong(6, e.uid());
                ps.setString(7, StateDb.cut(e.sourceMessageId(), ProcessedStore.MAX_MESSAGE_ID));
                ps.setString(8, StateDb.cut(String.join(",", e.recipients()), AuditTrail.MAX_DETAIL));
                ps.setString(9, e.messageId());
                ps.setBytes(10, e.content());
                ps.setObject(11, StateDb.timestamp(now));
                ps.setObject(12, StateDb.timestamp(now));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Pending mail due at {@code now}, oldest first, at most {@code limit}. */
    public List<OutboxEntry> due(Instant now, int limit) {
        return db.call(() -> "read the due outgoing mail", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE status = 'PENDING'"
                    + " AND next_attempt_at <= ? ORDER BY id")) {
                ps.setMaxRows(limit);
                ps.setObject(1, StateDb.timestamp(now));
                return read(ps);
            }
        });
    }

    /** The latest {@code limit} rows, newest first. */
    public List<OutboxEntry> recent(int limit) {
        return db.call(() -> "read the outbox", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox ORDER BY id DESC")) {
                ps.setMaxRows(limit);
                return read(ps);
            }
        });
    }

    /** Records that the SMTP server accepted the mail. */
    public void markSent(long id, Instant at) {
        update(id, "UPDATE outbox SET status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = NULL"
                + " WHERE id = ?", at);
    }

    /** Records a failed attempt; the mail is tried again at {@code next}. */
    public void retryAt(long id, Instant next, String error) {
        update(id, "UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?",
                next, StateDb.cut(error, AuditTrail.MAX_DETAIL));
    }

    /** Postpones the mail without counting an attempt (a rate limit bit). */
    public void postpone(long id, Instant next) {
        update(id, "UPDATE outbox SET next_attempt_at = ? WHERE id = ?", next);
    }

    /** Records that the mail failed for good: it is not tried again. */
    public void markFailed(long id, String error) {
        update(id, "UPDATE outbox SET status = 'FAILED', attempts = attempts + 1, last_error = ? WHERE id = ?",
                StateDb.cut(error, AuditTrail.MAX_DETAIL));
    }

    /** How many mails were sent since {@code since}: by {@code account}, or by all accounts when it is null. */
    public int sentSince(String account, Instant since) {
        return db.call(() -> "count the sent mail", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'"
                    + " AND sent_at > ?" + (account == null ? "" : " AND account = ?"))) {
                ps.setObject(1, StateDb.timestamp(since));
                if (account != null) {
                    ps.setString(2, account);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /** Forgets an account's outbox and vacation memory (the demo starts afresh on its throw-away server). */
    public void forgetAccount(String account) {
        db.call(() -> "forget the outbox of account " + account, c -> {
            for (String table : new String[] {"outbox", "reply_memory"}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE account = ?")) {
                    ps.setString(1, account);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private void update(long id, String sql, Object... values) {
        db.call(() -> "update outgoing mail #" + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (Object v : values) {
                    ps.setObject(i++, v instanceof Instant t ? StateDb.timestamp(t) : v);
                }
                ps.setLong(i, id);
                return ps.executeUpdate();
            }
        });
    }

    private static void remember(Connection c, String account, String rule, String sender, Instant at)
            throws SQLException {
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE reply_memory SET replied_at = ? WHERE account = ? AND rule = ? AND sender = ?")) {
            up.setObject(1, StateDb.timestamp(at));
            up.setString(2, account);
            up.setString(3, StateDb.cut(rule, AuditTrail.MAX_TEXT));
            up.setString(4, sender);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement(
                "INSERT INTO reply_memory (account, rule, sender, replied_at) VALUES (?, ?, ?, ?)")) {
            in.setString(1, account);
            in.setString(2, StateDb.cut(rule, AuditTrail.MAX_TEXT));
            in.setString(3, sender);
            in.setObject(4, StateDb.timestamp(at));
            in.executeUpdate();
        }
    }

    private static Long id(Connection c, String account, String sourceHash, String rule, String kind)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM outbox WHERE account = ? AND source_hash = ?"
                + " AND rule = ? AND kind = ?")) {
            ps.setString(1, account);
            ps.setString(2, sourceHash);
            ps.setString(3, StateDb.cut(rule, AuditTrail.MAX_TEXT));
            ps.setString(4, StateDb.cut(kind, AuditTrail.MAX_TEXT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static List<OutboxEntry> read(PreparedStatement ps) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String recipients = rs.getString("recipients");
                out.add(new OutboxEntry(rs.getLong("id"), rs.getString("account"), rs.getString("source_hash"),
                        rs.getString("rule"), rs.getString("kind"), rs.getString("folder"), rs.getLong("uid"),
                        rs.getString("source_message_id"),
                        recipients.isEmpty() ? List.of() : Arrays.asList(recipients.split(",")),
                        rs.getString("message_id"), rs.getBytes("content"),
                        OutboxEntry.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                        StateDb.instant(rs, "next_attempt_at"), rs.getString("last_error"), StateDb.instant(rs, "sent_at")));
            }
        }
        return out;
    }
}
