package io.mailwarden.archive.extract;

import io.mailwarden.archive.extract.Extraction.Status;
import java.util.function.Supplier;

/**
 * What the attachments of one message may cost together ({@link ExtractLimits#maxMessageChars()},
 * {@link ExtractLimits#messageTimeout()}): once spent, the attachments left are recorded as not read, and the text
 * over the characters allowed is dropped, so that neither a message of many zips nor one of many slow documents can
 * hold a worker or fill the heap. Not thread-safe: one per message, on the thread that extracts it.
 */
final class MessageBudget {

    private final ExtractLimits limits;
    private final long deadline;
    private long charsLeft;

    MessageBudget(ExtractLimits limits) {
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.messageTimeout().toNanos();
        this.charsLeft = limits.maxMessageChars();
    }

    /** The extraction, if the budget has anything left for it, its text cut to what is left. */
    Extraction extract(Supplier<Extraction> extraction, String declaredType) {
        if (charsLeft <= 0) {
            return new Extraction("", declaredType, Status.TRUNCATED, "not read: the message's attachments already gave "
                    + limits.maxMessageChars() + " characters (max-message-chars)");
        }
        if (System.nanoTime() - deadline > 0) {
            return new Extraction("", declaredType, Status.TIMEOUT, "not read: the message's attachments took over "
                    + limits.messageTimeout() + " (message-timeout)");
        }
        return take(extraction.get());
    }

    /** {@code e} counted, its text cut to what is left. */
    Extraction take(Extraction e) {
        return take(e, 0);
    }

    /** {@code e} counted but for {@code counted} characters of it counted already, its text cut to what is left. */
    Extraction take(Extraction e, long counted) {
        long own = Math.max(0, e.text().length() - counted);
        if (own <= charsLeft) {
            charsLeft -= own;
            return e;
        }
        String kept = e.text().substring(0, (int) Math.min(e.text().length(), counted + charsLeft));
        charsLeft = 0;
        return new Extraction(kept, e.detectedType(), Status.TRUNCATED, "text past the message's "
                + limits.maxMessageChars() + " characters dropped (max-message-chars)");
    }
}
