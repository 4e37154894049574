package io.mailwarden.state;

import java.time.Instant;

/**
 * One action the daemon took (or tried to take) on one message. Never put secrets in any field:
 * entries are logged and kept for good.
 *
 * @param at when it happened ({@code null}: now, when recorded)
 * @param uid the message's UID in {@code folder}, 0 when the action concerned no single message
 * @param messageId the Message-ID header, {@code ""} or {@code null} when there is none
 * @param rule the rule that asked for the action, {@code ""} when none did
 * @param action what was done, e.g. {@code move → 财务/发票}
 * @param outcome how it ended, e.g. {@code DONE}, {@code FAILED}, {@code SKIPPED}
 * @param detail free text (an error message, a target address), may be {@code null}
 */
public record AuditEntry(Instant at, String account, String folder, long uid, String messageId, String rule,
        String action, String outcome, String detail) {
}
