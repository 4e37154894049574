package io.mailwarden.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox table and the vacation memory: idempotent rows, due order, counts, and large content kept whole. */
class OutboxStoreTest {

    private static final Instant T0 = Instant.parse("2026-03-05T10:00:00Z");

    private final OutboxStore outbox = new TestState().outbox;

    private static OutboxEntry mail(String hash, String kind, byte[] content) {
        return new OutboxEntry(0, "acme", hash, "ack", kind, "INBOX", 7, "<q1@x>", List.of("a@x.example", "b@x.example"),
                "<out@corp.example>", content, OutboxEntry.Status.PENDING, 0, null, null, null);
    }

    @Test
    void theSameSourceRuleAndKindIsStoredOnceAndRemembersTheSenderWithIt() {
        long id = outbox.enqueue(mail("h1", "reply", new byte[] {1}), "maria@customer.example", T0);
        assertThat(outbox.enqueue(mail("h1", "reply", new byte[] {2}), "maria@customer.example", T0.plusSeconds(5)))
                .isEqualTo(id);
        assertThat(outbox.lastReply("acme", "ack", "maria@customer.example")).contains(T0);
        assertThat(outbox.enqueue(mail("h1", "forward → a@x.example (inline)", new byte[] {3}), null, T0)).isNotEqualTo(id);
        assertThat(outbox.lastReply("acme", "other", "maria@customer.example")).isEmpty();
        assertThat(outbox.find("acme", "h1", "ack", "reply")).contains(id);
        assertThat(outbox.recent(10)).hasSize(2);
    }

    @Test
    void dueMailComesOldestFirstAndLeavesOnceSentOrFailed() {
        long a = outbox.enqueue(mail("h1", "reply", new byte[] {1}), null, T0);
        long b = outbox.enqueue(mail("h2", "reply", new byte[] {2}), null, T0);
        long c = outbox.enqueue(mail("h3", "reply", new byte[] {3}), null, T0);
        assertThat(outbox.due(T0, 10)).extracting(OutboxEntry::id).containsExactly(a, b, c);
        outbox.retryAt(a, T0.plusSeconds(60), "451 later");
        outbox.markSent(b, T0.plusSeconds(1));
        outbox.markFailed(c, "550 no");
        assertThat(outbox.due(T0.plusSeconds(59), 10)).isEmpty();
        OutboxEntry retried = outbox.due(T0.plusSeconds(60), 10).get(0);
        assertThat(retried.attempts()).isEqualTo(1);
        assertThat(retried.lastError()).isEqualTo("451 later");
        assertThat(retried.recipients()).containsExactly("a@x.example", "b@x.example");
        assertThat(outbox.sentSince("acme", T0)).isEqualTo(1);
        assertThat(outbox.sentSince(null, T0.plusSeconds(1))).isZero();
        assertThat(outbox.sentSince("other", T0)).isZero();
    }

    @Test
    void keepsLargeContentByteForByte() {
        byte[] big = new byte[6 * 1024 * 1024];
        Arrays.fill(big, (byte) 0xE5); // 8-bit bytes, as a forwarded raw message may hold
        outbox.enqueue(mail("h1", "forward → a@x.example (as attachment)", big), null, T0);
        assertThat(outbox.due(T0, 1).get(0).content()).isEqualTo(big);
    }

    @Test
    void forgettingAnAccountClearsItsOutboxAndMemory() {
        outbox.enqueue(mail("h1", "reply", new byte[] {1}), "maria@customer.example", T0);
        outbox.forgetAccount("acme");
        assertThat(outbox.recent(10)).isEmpty();
        assertThat(outbox.lastReply("acme", "ack", "maria@customer.example")).isEmpty();
    }
}
