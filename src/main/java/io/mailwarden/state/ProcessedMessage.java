package io.mailwarden.state;

import java.time.Instant;

/**
 * What the daemon knows about one message it has tried to handle.
 *
 * @param messageId the Message-ID header, {@code ""} when the message has none
 * @param contentHash SHA-256 of the raw message bytes, lower-case hex ({@link ContentHash#of})
 * @param attempts how many times the plan was tried, successful attempt included
 * @param lastError what the last failed attempt reported, {@code null} if none failed
 */
public record ProcessedMessage(MessageKey key, String messageId, String contentHash, Outcome outcome, int attempts,
        String lastError, Instant updatedAt) {
}
