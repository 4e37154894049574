package io.mailwarden.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditTrailTest {

    private final AuditTrail audit = new TestState().audit;

    private static AuditEntry entry(long uid, String action) {
        return new AuditEntry(null, "a@corp.example", "INBOX", uid, "<m" + uid + "@x>", "invoices-to-finance",
                action, "DONE", null);
    }

    @Test
    void recentReturnsNewestFirstUpToTheLimit() {
        audit.record(entry(1, "flag"));
        audit.record(entry(1, "move → 财务/发票"));
        audit.record(entry(2, "mark-read"));
        List<AuditEntry> recent = audit.recent(2);
        assertThat(recent).extracting(AuditEntry::action).containsExactly("mark-read", "move → 财务/发票");
        assertThat(audit.recent(10)).hasSize(3);
        assertThat(audit.recent(0)).isEmpty();
    }

    @Test
    void entriesKeepEveryField() {
        Instant at = Instant.parse("2026-03-15T12:00:00Z");
        AuditEntry e = new AuditEntry(at, "a@corp.example", "Sent Messages", 9, "<m@x>", "r", "forward", "FAILED",
                "550 content rejected");
        audit.record(e);
        assertThat(audit.recent(1)).containsExactly(e);
    }

    @Test
    void missingTimeIsNowAndMissingTextIsEmpty() {
        Instant before = Instant.now().minusSeconds(1);
        audit.record(new AuditEntry(null, "a@corp.example", "INBOX", 0, null, null, "reindex", "DONE", null));
        AuditEntry got = audit.recent(1).get(0);
        assertThat(got.at()).isAfter(before);
        assertThat(got.messageId()).isEmpty();
        assertThat(got.rule()).isEmpty();
    }

    @Test
    void logLineIsOneLineWithQuotedValues() {
        String line = AuditTrail.line(new AuditEntry(Instant.now(), "a@corp.example", "Sent Messages", 9,
                "<evil@x>\r\naudit account=forged", "r", "move → 财务/发票", "DONE", null));
        assertThat(line).doesNotContain("\n").doesNotContain("\r")
                .isEqualTo("audit account=a@corp.example folder=\"Sent Messages\" uid=9"
                        + " message-id=\"<evil@x>  audit account=forged\" rule=r action=\"move → 财务/发票\" outcome=DONE");
    }
}
