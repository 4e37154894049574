package io.mailwarden.daemon;

import static io.mailwarden.daemon.DaemonHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.state.AuditEntry;
import io.mailwarden.state.ScheduleProgress;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Polled folders and scheduled rules against GreenMail: jobs, exactly-once, resumable walks, rate limit. */
class DaemonScheduleTest {

    /** A cron that does not fire during a test: the test fires the job itself. */
    static final String NEVER = "0 0 0 1 1 ? 2099";

    @RegisterExtension
    final DaemonHarness h = new DaemonHarness();

    @Test
    void polledFolderNewMailIsHandledOnTheIntervalAndExactlyOnceAcrossRestarts() throws Exception {
        createFolder("Polled");
        h.poll(Duration.ofSeconds(1), "Poll*").rules("""
                rules:
                  - name: polled-invoices
                    folders: [Polled]
                    when: { subject: invoice }
                    then: [{ move: Done }]
                """).start();
        await("the first poll baselines the folder", () -> h.state.checkpoints.find(DaemonHarness.ACCOUNT, "Polled").isPresent());
        append("Polled", DaemonHarness.message("Invoice A", "a"));
        await("the poll moves the invoice", () -> h.holds("Done", "Invoice A"));

        h.stop();
        append("Polled", DaemonHarness.message("Invoice B", "b"));
        h.start();
        await("the poll after the restart moves what came meanwhile", () -> h.holds("Done", "Invoice B"));
        DaemonHarness.pause(Duration.ofMillis(2500)); // more polls: nothing is done twice

        assertThat(h.subjects("Done")).containsExactlyInAnyOrder("Invoice A", "Invoice B");
        assertThat(h.subjects("Polled")).isEmpty();
        assertThat(moves()).hasSize(2);
    }

    @Test
    void scheduledRuleMovesInboxMailOlderThanNinetyDaysAndLeavesNewerMail() throws Exception {
        append("INBOX", dated("Old report", 120));
        append("INBOX", dated("Recent report", 10));
        append("INBOX", dated("Ancient memo", 400));
        h.rules("""
                rules:
                  - name: archive-old
                    schedule: "* * * * * ?"
                    folders: [INBOX]
                    when: { older-than: 90d }
                    then: [{ move: 归档 }]
                """).start();
        await("the old mail is archived", () -> h.holds("归档", "Old report") && h.holds("归档", "Ancient memo"));
        DaemonHarness.pause(Duration.ofMillis(2500)); // later runs find nothing more to do

        assertThat(h.subjects("INBOX")).containsExactly("Recent report");
        assertThat(h.subjects("归档")).containsExactlyInAnyOrder("Old report", "Ancient memo");
        assertThat(moves()).extracting(AuditEntry::rule).containsExactly("archive-old", "archive-old");
    }

    @Test
    void scheduledRulesAreNotAppliedOnArrivalButWhenTheirJobFires() throws Exception {
        h.rules("""
                rules:
                  - name: nightly-flag
                    schedule: "%s"
                    when: always
                    then: [flag]
                """.formatted(NEVER)).start();
        h.deliver("Newsletter");
        h.awaitHandled(1);
        assertThat(h.find("INBOX", "Newsletter").orElseThrow().has(Flags.Flag.FLAGGED)).isFalse();
        assertThat(h.audit()).isEmpty();

        h.scheduler().fire("rule:nightly-flag");
        await("the scheduled run flags it", () -> flagged("Newsletter"));
        assertThat(h.audit()).extracting(AuditEntry::rule, AuditEntry::action, AuditEntry::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("nightly-flag", "flag", "DONE"));
    }

    @Test
    void scheduledWalkStoppedMidwayGoesOnAfterARestartAndHandlesEveryMessageOnce() throws Exception {
        for (int i = 1; i <= 12; i++) {
            append("INBOX", dated("Old " + i, 100));
        }
        h.maxMessagesPerSecond(3).rules("""
                rules:
                  - name: archive-old
                    schedule: "%s"
                    when: { older-than: 90d }
                    then: [{ move: Archive }]
                """.formatted(NEVER)).start();
        h.scheduler().fire("rule:archive-old");
        await("a few are moved", () -> moves().size() >= 3);
        h.stop();
        ScheduleProgress stopped = progress().orElseThrow();
        assertThat(stopped.finished()).isFalse();
        assertThat(stopped.lastUid()).isBetween(3L, 11L);
        assertThat(h.mail("INBOX")).isNotEmpty();

        h.start();
        h.scheduler().fire("rule:archive-old");
        await("the rest is moved", Duration.ofSeconds(30), () -> moves().size() >= 12 && progress().orElseThrow().finished());

        assertThat(h.mail("INBOX")).isEmpty();
        assertThat(h.subjects("Archive")).hasSize(12).doesNotHaveDuplicates();
        Map<Long, Long> perUid = moves().stream().collect(Collectors.groupingBy(AuditEntry::uid, Collectors.counting()));
        assertThat(perUid).hasSize(12).allSatisfy((uid, n) -> assertThat(n).as("moves of UID " + uid).isEqualTo(1));
        assertThat(progress().orElseThrow().runStarted()).as("the same run went on").isEqualTo(stopped.runStarted());
    }

    @Test
    void scheduledRunKeepsToTheRateLimit() throws Exception {
        int count = 15;
        for (int i = 1; i <= count; i++) {
            append("INBOX", dated("Mail " + i, 1));
        }
        h.maxMessagesPerSecond(5).rules("""
                rules:
                  - name: flag-all
                    schedule: "%s"
                    when: always
                    then: [flag]
                """.formatted(NEVER)).start();
        h.scheduler().fire("rule:flag-all");
        await("every message is flagged", Duration.ofSeconds(30), () -> h.audit().size() >= count);

        List<Instant> at = h.audit().stream().map(AuditEntry::at).sorted().toList();
        Map<Instant, Long> perSecond = at.stream().collect(Collectors.groupingBy(t -> t.truncatedTo(ChronoUnit.SECONDS),
                Collectors.counting()));
        assertThat(perSecond.values()).as("messages per second").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(5 + 2));
        // 15 messages at 5 a second need at least 14 spacings of 200 ms (a busy machine only makes it slower)
        assertThat(Duration.between(at.get(0), at.get(count - 1))).isGreaterThanOrEqualTo(Duration.ofMillis(2500));
    }

    @Test
    void scheduledWalkThroughTheExmailProxySendsOnlyAdvertisedCommandsAndAscendingUidSets() throws Exception {
        h.exmailLayout().proxy(b -> b);
        for (String subject : new String[] {"Invoice 1", "Lunch", "Invoice 2", "Invoice 3", "Memo"}) {
            h.deliver(subject);
        }
        h.rules("""
                rules:
                  - name: file-invoices
                    schedule: "%s"
                    folders: [INBOX]
                    when: { subject: invoice }
                    then: [{ move: 财务/发票 }]
                """.formatted(NEVER)).start();
        h.scheduler().fire("rule:file-invoices");
        await("the invoices are filed", () -> moves().size() == 3);
        h.deliver("Invoice 4");
        h.deliver("Invoice 5");
        await("the run is over", () -> progress("file-invoices").map(ScheduleProgress::finished).orElse(false));
        // a new run over UIDs 2, 5, 6, 7 (a set with a gap); a firing that comes while the last run's job is
        // still returning is skipped by design, so fire until the run has happened
        await("the new invoices are filed", () -> {
            if (moves().size() < 5) {
                h.scheduler().fire("rule:file-invoices");
            }
            return moves().size() == 5;
        });

        assertThat(h.subjects("其他文件夹/财务/发票")).containsExactlyInAnyOrder("Invoice 1", "Invoice 2", "Invoice 3",
                "Invoice 4", "Invoice 5");
        assertThat(h.subjects("INBOX")).containsExactly("Lunch", "Memo");
        assertThat(h.proxy().transcript().clientCommands()).contains("UID FETCH", "UID MOVE");
        DaemonExmailTest.assertOnlyAdvertisedAscending(h.proxy());
    }

    // --- helpers ---

    private List<AuditEntry> moves() {
        return h.audit().stream().filter(e -> e.action().startsWith("move")).toList();
    }

    private java.util.Optional<ScheduleProgress> progress() {
        return progress("archive-old");
    }

    private java.util.Optional<ScheduleProgress> progress(String rule) {
        return h.state.progress.find(rule, DaemonHarness.ACCOUNT, "INBOX");
    }

    private boolean flagged(String subject) {
        try {
            return h.find("INBOX", subject).map(m -> m.has(Flags.Flag.FLAGGED)).orElse(false);
        } catch (MessagingException e) {
            return false;
        }
    }

    /** A message whose Date (and so its APPEND INTERNALDATE) lies {@code days} back. */
    private static MimeMessage dated(String subject, int days) throws MessagingException {
        MimeMessage m = DaemonHarness.message(subject, "Hello " + subject);
        m.setSentDate(Date.from(Instant.now().minus(Duration.ofDays(days))));
        m.saveChanges();
        return m;
    }

    private void createFolder(String name) throws MessagingException {
        Folder f = h.client().getFolder(name);
        if (!f.exists()) {
            f.create(Folder.HOLDS_MESSAGES);
        }
    }

    private void append(String folder, MimeMessage m) throws MessagingException {
        createFolder(folder);
        h.client().getFolder(folder).appendMessages(new jakarta.mail.Message[] {m});
    }

}
