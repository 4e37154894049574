package io.mailwarden.state;

import java.time.Instant;
import java.util.List;

/**
 * One automatic mail in the outbox.
 *
 * @param id the row's id, 0 before it is stored
 * @param account the account that sends it
 * @param sourceHash SHA-256 of the raw message that caused it (with rule and kind, its idempotency key)
 * @param rule the rule that asked for it
 * @param kind {@code reply} or the forward step ({@code forward → a@x.example})
 * @param folder where the source message was, for the audit trail
 * @param uid the source message's UID there
 * @param sourceMessageId the source message's Message-ID, or an empty string
 * @param recipients the envelope recipients
 * @param messageId the Message-ID of the composed mail
 * @param content the composed RFC 5322 bytes
 * @param status PENDING, SENT or FAILED
 * @param attempts delivery attempts so far
 * @param nextAttemptAt when a pending mail is due
 * @param lastError the last delivery error, or null
 * @param sentAt when the SMTP server accepted it, or null
 */
public record OutboxEntry(long id, String account, String sourceHash, String rule, String kind, String folder, long uid,
        String sourceMessageId, List<String> recipients, String messageId, byte[] content, Status status, int attempts,
        Instant nextAttemptAt, String lastError, Instant sentAt) {

    /** Where an outbox row is. */
    public enum Status { PENDING, SENT, FAILED }

    public OutboxEntry {
        recipients = List.copyOf(recipients);
    }
}
