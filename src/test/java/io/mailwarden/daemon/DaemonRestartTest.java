package io.mailwarden.daemon;

import static io.mailwarden.daemon.DaemonHarness.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.state.AuditEntry;
import jakarta.mail.Flags;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stopping and starting the daemon, and a folder whose UIDVALIDITY changed: every message handled exactly once. */
class DaemonRestartTest {

    static final String COPY_RULE = """
            rules:
              - name: keep-a-copy
                when: always
                then:
                  - flag
                  - copy: Archive
            """;

    @RegisterExtension
    final DaemonHarness h = new DaemonHarness();

    @BeforeEach
    void harness() {
        h.rules(COPY_RULE);
    }

    @Test
    void mailThatArrivedWhileStoppedIsCaughtUpExactlyOnceAfterRestart() throws Exception {
        h.start();
        h.deliver("Before the stop");
        h.awaitHandled(1);
        h.stop();
        h.deliver("While stopped 1");
        h.deliver("While stopped 2");
        h.start();
        h.awaitHandled(3);
        assertThat(h.subjects("Archive")).containsExactlyInAnyOrder("Before the stop", "While stopped 1", "While stopped 2");
        assertThat(h.mail("INBOX")).allSatisfy(m -> assertThat(m.has(Flags.Flag.FLAGGED)).isTrue());
        assertThat(h.audit()).filteredOn(e -> e.action().startsWith("copy")).extracting(AuditEntry::uid)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void restartingTwiceRepeatsNoAction() throws Exception {
        h.start();
        h.deliver("Copied once");
        h.awaitHandled(1);
        for (int i = 0; i < 2; i++) {
            h.stop();
            h.start();
        }
        h.deliver("After restarts");
        h.awaitHandled(2);
        assertThat(h.subjects("Archive")).containsExactly("Copied once", "After restarts");
        assertThat(h.audit()).filteredOn(e -> e.action().startsWith("copy")).hasSize(2);
    }

    @Test
    void afterAUidValidityChangeHandledMailIsNotActedOnAgainButNewMailIs() throws Exception {
        h.start();
        h.deliver(DaemonHarness.message("<a@vendor.example>", "Handled before", "a"));
        h.deliver(DaemonHarness.message(null, "Handled before, no id", "b"));
        h.awaitHandled(2);
        h.stop();
        long uidValidity = h.checkpoint().orElseThrow().uidValidity();
        // as if the server had renumbered the folder: the stored checkpoint no longer matches
        h.state.checkpoints.save(ACCOUNT, "INBOX", uidValidity + 1, 2);
        h.deliver("Arrived meanwhile");
        h.start();
        DaemonHarness.await("the folder is checked again under its UIDVALIDITY",
                () -> h.checkpoint().map(c -> c.uidValidity() == uidValidity && c.lastUid() >= 3).orElse(false));
        assertThat(h.subjects("Archive")).containsExactly("Handled before", "Handled before, no id", "Arrived meanwhile");
        assertThat(h.audit()).filteredOn(e -> e.action().startsWith("copy")).extracting(AuditEntry::uid)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void mailLeftAloneAtTheFirstStartStaysAloneAfterAUidValidityChange() throws Exception {
        h.deliver("Was there before");
        DaemonHarness.pause(java.time.Duration.ofMillis(1100)); // INTERNALDATE has whole seconds
        h.start();
        h.deliver("New after the first start");
        h.awaitHandled(2);
        h.stop();
        long uidValidity = h.checkpoint().orElseThrow().uidValidity();
        h.state.checkpoints.save(ACCOUNT, "INBOX", uidValidity + 1, 2); // as if the server had renumbered
        h.start();
        DaemonHarness.await("the folder is checked again under its UIDVALIDITY",
                () -> h.checkpoint().map(c -> c.uidValidity() == uidValidity).orElse(false));
        assertThat(h.subjects("Archive")).containsExactly("New after the first start");
        assertThat(h.audit()).filteredOn(e -> e.action().startsWith("copy")).extracting(AuditEntry::uid)
                .containsExactly(2L);
    }
}
