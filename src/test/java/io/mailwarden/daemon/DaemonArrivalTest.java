package io.mailwarden.daemon;

import static io.mailwarden.daemon.DaemonHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.state.AuditEntry;
import jakarta.mail.Flags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** New mail meets the rules on a plain IMAP server (GreenMail): what ends up on the server and in the audit trail. */
class DaemonArrivalTest {

    @RegisterExtension
    final DaemonHarness h = new DaemonHarness();

    @Test
    void arrivalIsMovedFlaggedTaggedAndCopiedPerRuleAndAudited() throws Exception {
        h.rules("""
                rules:
                  - name: invoices
                    folders: [INBOX]
                    when: { subject: invoice }
                    then:
                      - flag
                      - add-keyword: $Invoice
                      - copy: Archive
                      - move: 财务/发票
                """).start();
        h.deliver("Invoice 2026-03");
        h.deliver("Lunch on Friday");
        await("the invoice is filed", () -> h.holds("财务/发票", "Invoice 2026-03"));

        var filed = h.find("财务/发票", "Invoice 2026-03").orElseThrow();
        assertThat(filed.has(Flags.Flag.FLAGGED)).isTrue();
        assertThat(filed.has("$Invoice")).isTrue();
        assertThat(filed.has(Flags.Flag.DELETED)).isFalse();
        assertThat(h.find("Archive", "Invoice 2026-03")).hasValueSatisfying(m -> assertThat(m.has("$Invoice")).isTrue());
        h.awaitHandled(2);
        assertThat(h.subjects("INBOX")).containsExactly("Lunch on Friday");
        assertThat(h.audit()).extracting(AuditEntry::uid, AuditEntry::rule, AuditEntry::action, AuditEntry::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, "invoices", "flag", "DONE"),
                        org.assertj.core.groups.Tuple.tuple(1L, "invoices", "add-keyword $Invoice", "DONE"),
                        org.assertj.core.groups.Tuple.tuple(1L, "invoices", "copy → Archive", "DONE"),
                        org.assertj.core.groups.Tuple.tuple(1L, "invoices", "move → 财务/发票", "DONE"));
    }

    @Test
    void readingNeverMarksMailRead() throws Exception {
        h.rules("""
                rules:
                  - name: invoices
                    folders: [INBOX]
                    when: { subject: invoice }
                    then: [flag]
                """).start();
        h.deliver("Nothing to see");
        h.deliver("Invoice 7");
        h.awaitHandled(2);
        assertThat(h.mail("INBOX")).allSatisfy(m -> assertThat(m.has(Flags.Flag.SEEN)).as(m.subject()).isFalse());
        assertThat(h.find("INBOX", "Invoice 7").orElseThrow().has(Flags.Flag.FLAGGED)).isTrue();
        assertThat(h.find("INBOX", "Nothing to see").orElseThrow().flags().getSystemFlags()).isEmpty();
    }

    @Test
    void firstStartLeavesExistingMailAloneAndHandlesLaterMail() throws Exception {
        h.rules("""
                rules:
                  - name: everything-flagged
                    when: always
                    then: [flag]
                """);
        h.deliver("Old 1");
        h.deliver("Old 2");
        h.start();
        h.deliver("New 1");
        h.awaitHandled(3);
        assertThat(h.find("INBOX", "New 1").orElseThrow().has(Flags.Flag.FLAGGED)).isTrue();
        assertThat(h.find("INBOX", "Old 1").orElseThrow().has(Flags.Flag.FLAGGED)).isFalse();
        assertThat(h.find("INBOX", "Old 2").orElseThrow().has(Flags.Flag.FLAGGED)).isFalse();
        assertThat(h.audit()).extracting(AuditEntry::uid).containsExactly(3L);
    }

    @Test
    void rulesHotReloadChangesTheNextMessageAndABrokenEditKeepsTheLastGoodRules() throws Exception {
        h.rules("""
                rules:
                  - name: tag
                    when: always
                    then: [flag]
                """).start();
        h.deliver("First");
        h.awaitHandled(1);
        assertThat(h.find("INBOX", "First").orElseThrow().has(Flags.Flag.FLAGGED)).isTrue();

        h.rules("""
                rules:
                  - name: tag-v2
                    when: always
                    then:
                      - add-keyword: $Reloaded
                """);
        // the rules are reloaded once the directory has been quiet briefly: wait for the new set
        await("the edited rules are in force", () -> ruleNames(h).equals(java.util.List.of("tag-v2")));
        h.deliver("Second");
        h.awaitHandled(2);
        var second = h.find("INBOX", "Second").orElseThrow();
        assertThat(second.has("$Reloaded")).isTrue();
        assertThat(second.has(Flags.Flag.FLAGGED)).isFalse();

        h.rules("""
                rules:
                  - name: tag-v3
                    when: always
                    then:
                      - mvoe: Nowhere
                """);
        await("the broken edit is read and refused", () -> !h.daemon().rules().lastResult().ok());
        assertThat(ruleNames(h)).containsExactly("tag-v2");
        h.deliver("Third");
        h.awaitHandled(3);
        assertThat(h.find("INBOX", "Third").orElseThrow().has("$Reloaded")).isTrue();
    }

    private static java.util.List<String> ruleNames(DaemonHarness h) {
        return h.daemon().rules().current().rules().stream().map(io.mailwarden.rules.Rule::name).toList();
    }
}
