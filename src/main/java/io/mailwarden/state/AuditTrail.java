package io.mailwarden.state;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The append-only trail of every action the daemon takes. Each entry is stored and logged on one INFO
 * line by the logger {@code mailwarden.audit} (line breaks and control characters in values are
 * replaced, so a hostile Message-ID cannot forge log lines).
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger("mailwarden.audit");
    static final int MAX_TEXT = 200;
    static final int MAX_DETAIL = 2000;

    private final StateDb db;

    public AuditTrail(StateDb db) {
        this.db = db;
    }

    /** Stores {@code e} (its time defaults to now) and logs it. */
    public void record(AuditEntry e) {
        AuditEntry entry = e.at() != null ? e : new AuditEntry(Instant.now(), e.account(), e.folder(), e.uid(),
                e.messageId(), e.rule(), e.action(), e.outcome(), e.detail());
        db.call(() -> "record an audit entry for account " + entry.account() + ", folder " + entry.folder(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (at, account, folder, uid,"
                    + " message_id, rule, action, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setObject(1, StateDb.timestamp(entry.at()));
                ps.setString(2, orEmpty(entry.account()));
                ps.setString(3, orEmpty(entry.folder()));
                ps.setLong(4, entry.uid());
                ps.setString(5, orEmpty(StateDb.cut(entry.messageId(), ProcessedStore.MAX_MESSAGE_ID)));
                ps.setString(6, orEmpty(StateDb.cut(entry.rule(), MAX_TEXT)));
                ps.setString(7, orEmpty(StateDb.cut(entry.action(), MAX_TEXT)));
                ps.setString(8, orEmpty(StateDb.cut(entry.outcome(), MAX_TEXT)));
                ps.setString(9, StateDb.cut(entry.detail(), MAX_DETAIL));
                return ps.executeUpdate();
            }
        });
        LOG.info(line(entry));
    }

    /** The latest {@code limit} entries, newest first. */
    public List<AuditEntry> recent(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return db.call(() -> "read the audit trail", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT at, account, folder, uid, message_id, rule,"
                    + " action, outcome, detail FROM audit_entry ORDER BY id DESC")) {
                ps.setMaxRows(limit);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEntry(StateDb.instant(rs, "at"), rs.getString("account"),
                                rs.getString("folder"), rs.getLong("uid"), rs.getString("message_id"),
                                rs.getString("rule"), rs.getString("action"), rs.getString("outcome"),
                                rs.getString("detail")));
                    }
                }
                return out;
            }
        });
    }

    /** The one-line log form: {@code key=value} pairs, values quoted when they hold spaces. */
    static String line(AuditEntry e) {
        StringBuilder b = new StringBuilder("audit");
        pair(b, "account", e.account());
        pair(b, "folder", e.folder());
        pair(b, "uid", Long.toString(e.uid()));
        pair(b, "message-id", e.messageId());
        pair(b, "rule", e.rule());
        pair(b, "action", e.action());
        pair(b, "outcome", e.outcome());
        pair(b, "detail", e.detail());
        return b.toString();
    }

    private static void pair(StringBuilder b, String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        String v = StateDb.cut(value, MAX_DETAIL).replaceAll("\\p{Cntrl}", " ");
        b.append(' ').append(key).append('=');
        if (v.indexOf(' ') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\u3000') >= 0) {
            b.append('"').append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else {
            b.append(v);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
