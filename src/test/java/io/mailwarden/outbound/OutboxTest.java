package io.mailwarden.outbound;

import static io.mailwarden.daemon.DaemonHarness.await;
import static io.mailwarden.daemon.DaemonHarness.pause;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.actions.IncomingMessage;
import io.mailwarden.actions.OutboundPort.Decision;
import io.mailwarden.message.MessageRef;
import io.mailwarden.plan.Step;
import io.mailwarden.state.AuditEntry;
import io.mailwarden.state.OutboxEntry;
import io.mailwarden.state.TestState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox against a scripted SMTP server: retries, refusals, rate limits, restarts and vacation memory. */
class OutboxTest {

    private static final String OWN = "zhang.san@corp.example";
    private static final Step.Reply ACK = new Step.Reply("Re: ${subject}", "We got it.", null, Duration.ofDays(7),
            List.of("support@corp.example"), true);

    private final long started = System.nanoTime() / 1_000_000;
    private final TestState state = new TestState();
    private final OutboundCounters counters = new OutboundCounters();
    private final List<AutoCloseable> open = new ArrayList<>();
    private Instant now = Instant.parse("2026-03-05T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.plusMillis(System.nanoTime() / 1_000_000 - started);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private FakeSmtp smtp(String... answers) throws Exception {
        FakeSmtp s = new FakeSmtp(answers);
        open.add(s);
        return s;
    }

    private static Account account(FakeSmtp smtp) {
        return account(smtp.port());
    }

    private static Account account(int smtpPort) {
        Endpoint imap = new Endpoint("127.0.0.1", 1, TlsMode.NONE);
        return new Account("acme", Provider.CUSTOM, OWN, new Account.Secret("pw"), imap,
                new Endpoint("127.0.0.1", smtpPort, TlsMode.NONE), null, List.of("INBOX"), List.of(),
                Duration.ofMinutes(5), Duration.ofMinutes(4), true);
    }

    private static OutboundSettings settings(int perAccount, Duration window, int maxAttempts) {
        OutboundSettings d = OutboundSettings.defaults();
        return new OutboundSettings(100, perAccount, window, d.neverReplyTo(), d.spamHeaders(), false,
                Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(400), maxAttempts, Duration.ofSeconds(5));
    }

    private OutboxSender sender(Account a, OutboundSettings s) {
        OutboxSender sender = new OutboxSender(state.outbox, state.audit, List.of(a), s, counters, clock);
        open.add(sender);
        return sender;
    }

    private Outbox outbox(Account a, OutboundSettings s, Runnable queued) {
        return new Outbox(state.outbox, List.of(a), s, counters, clock, queued);
    }

    private static IncomingMessage incoming(long uid, String text) {
        return new IncomingMessage(new MessageRef("acme", "INBOX", 1, uid), Mails.parse(text), Mails.raw(text));
    }

    private static IncomingMessage from(long uid, String sender) {
        return incoming(uid, Mails.CUSTOMER.replace("maria@customer.example", sender).replace("<q1@", "<q" + uid + "@"));
    }

    private List<AuditEntry> audit() {
        List<AuditEntry> all = new ArrayList<>(state.audit.recent(100));
        Collections.reverse(all);
        return all;
    }

    @Test
    void temporaryFailuresAreRetriedWithGrowingWaitsThenDelivered() throws Exception {
        FakeSmtp smtp = smtp("451 4.7.1 Greylisted, try again later", "421 4.3.2 Service busy");
        Account a = account(smtp);
        OutboxSender sender = sender(a, settings(50, Duration.ofHours(1), 5)).start();
        assertThat(outbox(a, settings(50, Duration.ofHours(1), 5), sender::wake).reply(incoming(1, Mails.CUSTOMER), ACK,
                "ack").kind()).isEqualTo(Decision.Kind.QUEUED);

        // the server's acceptance comes before the sender records it: wait for the record
        await("the reply is recorded sent", () -> audit().size() == 3);
        assertThat(smtp.accepted()).hasSize(1);
        assertThat(audit()).extracting(AuditEntry::action, AuditEntry::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("send reply", "RETRY"),
                org.assertj.core.groups.Tuple.tuple("send reply", "RETRY"),
                org.assertj.core.groups.Tuple.tuple("send reply", "SENT"));
        assertThat(audit().get(0).detail()).contains("451 4.7.1 Greylisted");
        OutboxEntry row = state.outbox.recent(1).get(0);
        assertThat(row.status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThat(row.attempts()).isEqualTo(3);
        assertThat(smtp.envelopes()).contains("MAIL FROM:<" + OWN + ">", "RCPT TO:<maria@customer.example>");
        assertThat(sender.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(sender.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(sender.backoff(9)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void refusesToForwardAMessageWhoseHeaderAloneWasRead() throws Exception {
        FakeSmtp smtp = smtp();
        Account a = account(smtp);
        IncomingMessage whole = incoming(1, Mails.CUSTOMER);
        IncomingMessage headerOnly = new IncomingMessage(whole.ref(), whole.message(), whole.raw(), false);
        Outbox outbox = outbox(a, settings(50, Duration.ofHours(1), 5), () -> { });

        Decision d = outbox.forward(headerOnly, new Step.Forward(List.of("audit@corp.example"), true), "audit-all");

        assertThat(d.kind()).isEqualTo(Decision.Kind.REFUSED);
        assertThat(d.detail()).contains("not forwarded", "only its header was read");
        assertThat(state.outbox.recent(10)).isEmpty();
    }

    @Test
    void permanentRefusalIsAuditedAndNeverRetried() throws Exception {
        FakeSmtp smtp = smtp("550 5.7.1 Mail content denied: this mail contains inappropriate content");
        Account a = account(smtp);
        OutboxSender sender = sender(a, settings(50, Duration.ofHours(1), 5)).start();
        outbox(a, settings(50, Duration.ofHours(1), 5), sender::wake).reply(incoming(1, Mails.CUSTOMER), ACK, "ack");

        await("the refusal is recorded", () -> audit().stream().anyMatch(e -> e.outcome().equals("FAILED")));
        pause(Duration.ofMillis(500)); // ten check intervals: nothing is tried again
        assertThat(smtp.envelopes().stream().filter(l -> l.startsWith("MAIL"))).hasSize(1);
        assertThat(audit()).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo("FAILED");
            assertThat(e.rule()).isEqualTo("ack");
            assertThat(e.detail()).contains("550 5.7.1", "inappropriate content", "not retried");
        });
        assertThat(state.outbox.recent(1).get(0).status()).isEqualTo(OutboxEntry.Status.FAILED);
        assertThat(counters.failedCount()).isEqualTo(1);
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        FakeSmtp smtp = smtp("451 try later", "451 try later", "451 try later");
        Account a = account(smtp);
        OutboxSender sender = sender(a, settings(50, Duration.ofHours(1), 2)).start();
        outbox(a, settings(50, Duration.ofHours(1), 2), sender::wake).reply(incoming(1, Mails.CUSTOMER), ACK, "ack");
        await("given up", () -> audit().stream().anyMatch(e -> e.outcome().equals("FAILED")));
        assertThat(audit()).extracting(AuditEntry::outcome).containsExactly("RETRY", "FAILED");
        assertThat(audit().get(1).detail()).contains("gave up after 2 attempts");
    }

    @Test
    void rateLimitKeepsMailWaitingInTheOutboxUntilTheWindowPasses() throws Exception {
        FakeSmtp smtp = smtp();
        Account a = account(smtp);
        OutboundSettings s = settings(1, Duration.ofMillis(1500), 5);
        OutboxSender sender = sender(a, s).start();
        Outbox outbox = outbox(a, s, sender::wake);
        outbox.reply(from(1, "one@customer.example"), ACK, "ack");
        await("the first reply is sent", () -> smtp.accepted().size() == 1);
        outbox.reply(from(2, "two@customer.example"), ACK, "ack");
        await("the limit holds the second reply back", () -> counters.rateLimitedCount() == 1);
        assertThat(smtp.accepted()).hasSize(1);
        assertThat(state.outbox.recent(1).get(0).status()).isEqualTo(OutboxEntry.Status.PENDING);
        await("the second reply is sent once the window passed", () -> smtp.accepted().size() == 2);
    }

    @Test
    void crashBetweenDecisionAndSendingNeitherLosesNorDuplicates() throws Exception {
        FakeSmtp smtp = smtp();
        Account a = account(smtp);
        OutboundSettings s = settings(50, Duration.ofHours(1), 5);
        // first life: decided and queued, then the process dies before its sender ran
        assertThat(outbox(a, s, () -> { }).reply(incoming(1, Mails.CUSTOMER), ACK, "ack").kind())
                .isEqualTo(Decision.Kind.QUEUED);
        // second life: the message was not marked done, so it is handled again; the outbox already has it
        Decision again = outbox(a, s, () -> { }).reply(incoming(1, Mails.CUSTOMER), ACK, "ack");
        assertThat(again.kind()).isEqualTo(Decision.Kind.QUEUED);
        assertThat(again.detail()).startsWith("already in the outbox as #");
        try (OutboxSender second = sender(a, s).start()) {
            await("the reply left by the crash is sent",
                    () -> state.outbox.recent(1).get(0).status() == OutboxEntry.Status.SENT);
        }
        // a third life sends nothing more
        sender(a, s).start();
        pause(Duration.ofMillis(300));
        assertThat(smtp.accepted()).hasSize(1);
        assertThat(state.outbox.recent(10)).hasSize(1);
    }

    @Test
    void stoppingWhileTheServerAnswersFinishesTheSendAndRecordsIt(@TempDir Path dir) throws Exception {
        FakeSmtp smtp = smtp();
        smtp.holdAnswers();
        TestState disk = TestState.onDisk(dir); // on disk, where an interrupt breaks a write
        Account a = account(smtp);
        OutboundSettings s = settings(50, Duration.ofHours(1), 5);
        OutboxSender sender = new OutboxSender(disk.outbox, disk.audit, List.of(a), s, counters, clock).start();
        open.add(sender);
        new Outbox(disk.outbox, List.of(a), s, counters, clock, sender::wake).reply(incoming(1, Mails.CUSTOMER), ACK, "ack");
        await("the mail is with the server, waiting for its answer", smtp::holding);

        Thread stopping = Thread.ofPlatform().start(sender::close);
        await("the stop waits for the send", () -> stopping.getState() == Thread.State.TIMED_WAITING);
        smtp.answer();
        stopping.join(Duration.ofSeconds(10));

        assertThat(stopping.isAlive()).isFalse();
        assertThat(disk.outbox.recent(1).get(0).status()).isEqualTo(OutboxEntry.Status.SENT);
        assertThat(disk.audit.recent(10)).extracting(AuditEntry::outcome).containsExactly("SENT");
        try (OutboxSender next = new OutboxSender(disk.outbox, disk.audit, List.of(a), s, counters, clock).start()) {
            pause(Duration.ofMillis(300));
        }
        assertThat(smtp.accepted()).hasSize(1);
    }

    @Test
    void answersEachSenderOncePerPeriodAndRemembersIt() {
        OutboundSettings s = settings(50, Duration.ofHours(1), 5);
        Account a = account(1);
        Step.Reply shortPeriod = new Step.Reply("Re: ${subject}", "ok", null, Duration.ofSeconds(60), List.of(), false);
        assertThat(outbox(a, s, () -> { }).reply(from(1, "x@customer.example"), shortPeriod, "ack").kind())
                .isEqualTo(Decision.Kind.QUEUED);
        Decision second = outbox(a, s, () -> { }).reply(from(2, "X@Customer.example"), shortPeriod, "ack");
        assertThat(second.kind()).isEqualTo(Decision.Kind.SUPPRESSED);
        assertThat(second.detail()).contains("answered-recently", "x@customer.example");
        assertThat(outbox(a, s, () -> { }).reply(from(3, "x@customer.example"), shortPeriod, "other-rule").kind())
                .as("the memory is per rule").isEqualTo(Decision.Kind.QUEUED);
        now = now.plusSeconds(61);
        assertThat(outbox(a, s, () -> { }).reply(from(4, "x@customer.example"), shortPeriod, "ack").kind())
                .isEqualTo(Decision.Kind.QUEUED);
        assertThat(counters.suppressed()).containsEntry(Suppression.Reason.ANSWERED_RECENTLY, 1L);
    }

    @Test
    void refusesToSendFromAnAccountWithoutAnAddress() {
        Account login = new Account("acme", Provider.CUSTOM, "zhangsan", new Account.Secret("pw"),
                new Endpoint("127.0.0.1", 1, TlsMode.NONE), new Endpoint("127.0.0.1", 1, TlsMode.NONE), null,
                List.of("INBOX"), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), true);
        Decision d = outbox(login, settings(50, Duration.ofHours(1), 5), () -> { })
                .reply(incoming(1, Mails.CUSTOMER), ACK, "ack");
        assertThat(d.kind()).isEqualTo(Decision.Kind.REFUSED);
        assertThat(d.detail()).contains("mailwarden.accounts.acme.address");
        assertThat(state.outbox.recent(10)).isEmpty();
    }

    @Test
    void crashAfterTheServerAcceptedButBeforeTheRowWasMarkedSendsAgainWithTheSameMessageId() throws Exception {
        FakeSmtp smtp = smtp();
        Account a = account(smtp);
        OutboundSettings s = settings(50, Duration.ofHours(1), 5);
        state.failOn("SET status = 'SENT'"); // the row update after the SMTP server's 250 is lost
        OutboxSender sender = sender(a, s).start();
        outbox(a, s, sender::wake).reply(incoming(1, Mails.CUSTOMER), ACK, "ack");
        await("the server accepted the reply", () -> smtp.accepted().size() >= 1);
        state.failOn(null);
        await("the reply is marked sent", () -> state.outbox.recent(1).get(0).status() == OutboxEntry.Status.SENT);
        // the documented at-least-once window: the mail went out again, the same mail
        assertThat(smtp.accepted().size()).isGreaterThanOrEqualTo(2);
        String messageId = state.outbox.recent(1).get(0).messageId();
        assertThat(smtp.accepted()).allSatisfy(m -> assertThat(m).contains("Message-ID: " + messageId + "\r\n"));
    }
}
