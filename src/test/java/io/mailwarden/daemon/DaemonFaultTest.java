package io.mailwarden.daemon;

import static io.mailwarden.daemon.DaemonHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.MailboxException;
import io.mailwarden.message.MailboxPort;
import io.mailwarden.message.MessageRef;
import io.mailwarden.state.AuditEntry;
import io.mailwarden.state.MessageKey;
import io.mailwarden.state.Outcome;
import io.mailwarden.testing.exmail.ExmailBehaviour.IdleCut;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Servers that drop connections, mail that vanishes, plans that fail: the daemon goes on and never loops. */
class DaemonFaultTest {

    static final String FLAG_RULE = """
            rules:
              - name: flag-all
                when: always
                then: [flag]
            """;

    @RegisterExtension
    final DaemonHarness h = new DaemonHarness();

    @Test
    void newMailIsHandledAfterTheServerDroppedEveryConnectionDuringIdle() throws Exception {
        h.exmailLayout().proxy(b -> b).rules(FLAG_RULE).start();
        int before = h.proxy().connectionsAccepted();
        h.proxy().dropAll();
        h.deliver("After the drop");
        h.awaitHandled(1);
        assertThat(h.find("INBOX", "After the drop").orElseThrow().has(Flags.Flag.FLAGGED)).isTrue();
        assertThat(h.proxy().connectionsAccepted()).isGreaterThan(before);
    }

    @Test
    void newMailIsHandledAfterTheServerCutIdle() throws Exception {
        h.exmailLayout().proxy(b -> b.idleCut(Duration.ofMillis(700), IdleCut.BYE_THEN_CLOSE))
                .idleRenew(Duration.ofSeconds(30)).rules(FLAG_RULE).start();
        await("the proxy cut IDLE", () -> h.proxy().transcript().notes().stream().anyMatch(n -> n.startsWith("IDLE cut")));
        h.deliver("After the cut");
        h.awaitHandled(1);
        assertThat(h.find("INBOX", "After the cut").orElseThrow().has(Flags.Flag.FLAGGED)).isTrue();
    }

    @Test
    void idleIsRenewedBeforeTheServerCutsIt() throws Exception {
        h.exmailLayout().proxy(b -> b.idleCut(Duration.ofMillis(1500), IdleCut.SILENT_CLOSE))
                .idleRenew(Duration.ofMillis(500)).rules(FLAG_RULE).start();
        int connections = h.proxy().connectionsAccepted();
        DaemonHarness.pause(Duration.ofSeconds(3));
        h.deliver("Still connected");
        h.awaitHandled(1);
        assertThat(h.proxy().transcript().notes()).noneMatch(n -> n.startsWith("IDLE cut"));
        assertThat(h.proxy().connectionsAccepted()).as("no reconnection").isEqualTo(connections);
    }

    @Test
    void messageDeletedByAnotherClientBetweenNoticeAndFetchBreaksNothing() throws Exception {
        h.rules("""
                rules:
                  - name: flag-all-but-one
                    when: { not: { subject: Message 3 } }
                    then: [flag]
                """).start();
        h.stop();
        for (int i = 1; i <= 3; i++) {
            h.deliver("Message " + i);
        }
        AtomicBoolean deleted = new AtomicBoolean();
        // while UID 1 is handled (UIDs 1-3 already announced), another client expunges UIDs 1 and 2
        h.wrapHandler(next -> (arrived, port) -> {
            if (arrived.ref().uid() == 1 && deleted.compareAndSet(false, true)) {
                expunge(h, 1, 2);
            }
            return next.handle(arrived, port);
        });
        h.start();
        h.awaitHandled(3);
        h.deliver("Message 4");
        h.awaitHandled(4);
        assertThat(h.subjects("INBOX")).containsExactly("Message 3", "Message 4");
        assertThat(h.find("INBOX", "Message 3").orElseThrow().has(Flags.Flag.FLAGGED))
                .as("no action meant for a vanished message lands on another").isFalse();
        assertThat(h.find("INBOX", "Message 4").orElseThrow().has(Flags.Flag.FLAGGED)).isTrue();
        // header-only fetches read a batch at once: UID 2 may be read before it vanished, never acted on
        assertThat(h.audit(2)).as("UID 2 vanished before it was handled").noneMatch(e -> e.outcome().equals("DONE"));
    }

    private static void expunge(DaemonHarness h, long... uids) {
        try {
            IMAPFolder inbox = (IMAPFolder) h.client().getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            for (long uid : uids) {
                Message m = inbox.getMessageByUID(uid);
                m.setFlag(Flags.Flag.DELETED, true);
            }
            inbox.close(true);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPlanFailingHalfWayIsRetriedABoundedNumberOfTimesThenRecordedAndSkipped() throws Exception {
        h.rules("""
                rules:
                  - name: flag-and-copy
                    when: always
                    then:
                      - flag
                      - copy: Archive
                """).wrapHandler(next -> (arrived, port) -> next.handle(arrived,
                        arrived.ref().uid() == 1 ? new FailingCopies(port) : port)).start();
        h.deliver("Doomed");
        h.deliver("Fine");
        h.awaitHandled(2);
        assertThat(h.subjects("Archive")).containsExactly("Fine");
        assertThat(h.audit(1)).extracting(AuditEntry::action, AuditEntry::outcome).containsSubsequence(
                org.assertj.core.groups.Tuple.tuple("flag", "DONE"),
                org.assertj.core.groups.Tuple.tuple("copy → Archive", "RETRY"),
                org.assertj.core.groups.Tuple.tuple("give-up", "FAILED"));
        assertThat(h.audit(1)).filteredOn(e -> e.outcome().equals("RETRY")).hasSize(ArrivalPipeline.MAX_ATTEMPTS);
        long uidValidity = h.checkpoint().orElseThrow().uidValidity();
        var doomed = h.state.processed.find(new MessageKey(DaemonHarness.ACCOUNT, "INBOX", uidValidity, 1)).orElseThrow();
        assertThat(doomed.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(doomed.attempts()).isEqualTo(ArrivalPipeline.MAX_ATTEMPTS);
        DaemonHarness.pause(Duration.ofMillis(500));
        assertThat(h.audit(1)).filteredOn(e -> e.outcome().equals("RETRY")).hasSize(ArrivalPipeline.MAX_ATTEMPTS);
    }

    /** The port, with every copy failing as if the connection had dropped. */
    record FailingCopies(MailboxPort port, String target, MailboxException.Kind kind) implements MailboxPort {
        FailingCopies(MailboxPort port) {
            this(port, null, MailboxException.Kind.TRANSIENT);
        }

        @Override
        public String move(MessageRef ref, String target) throws MailboxException {
            return port.move(ref, target);
        }

        @Override
        public void copy(MessageRef ref, String folder) throws MailboxException {
            if (target != null && !target.equals(folder)) {
                port.copy(ref, folder);
                return;
            }
            throw new MailboxException("copy " + ref + " to " + folder + ": " + (kind == MailboxException.Kind.TRANSIENT
                    ? "connection reset (injected)" : "the server refused to create folder " + folder), kind, null);
        }

        @Override
        public void setFlags(MessageRef ref, Set<String> flags, boolean on) throws MailboxException {
            port.setFlags(ref, flags, on);
        }

        @Override
        public void setKeyword(MessageRef ref, String keyword, boolean on) throws MailboxException {
            port.setKeyword(ref, keyword, on);
        }

        @Override
        public String moveToTrash(MessageRef ref) throws MailboxException {
            return port.moveToTrash(ref);
        }
    }

    @Test
    void aRefusedTargetFolderFailsThatStepOnlyAndIsNotRetried() throws Exception {
        // GreenMail refuses no CREATE and no COPY with a plain NO: the port answers as ImapMailbox does on a NO
        h.rules("""
                rules:
                  - name: file-it
                    when: always
                    then:
                      - flag
                      - copy: "Locked"
                      - copy: Archive
                """).wrapHandler(next -> (arrived, port) -> next.handle(arrived, new FailingCopies(port, "Locked",
                        MailboxException.Kind.REFUSED))).start();
        h.deliver("Refused target");
        h.awaitHandled(1);
        assertThat(h.audit(1)).extracting(AuditEntry::action, AuditEntry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("flag", "DONE"),
                org.assertj.core.groups.Tuple.tuple("copy → Locked", "FAILED"),
                org.assertj.core.groups.Tuple.tuple("copy → Archive", "DONE"));
        assertThat(h.subjects("Archive")).containsExactly("Refused target");
        assertThat(h.find("INBOX", "Refused target").orElseThrow().has(Flags.Flag.FLAGGED)).isTrue();
        DaemonHarness.pause(Duration.ofMillis(500));
        assertThat(h.audit(1)).hasSize(3);
    }

}
