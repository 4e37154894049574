package io.mailwarden.archive.extract;

import java.time.Duration;

/**
 * Bounds on the work done for one attachment, so that no attachment can stall or sink the process.
 * An invalid limit is refused with a message that starts with its configuration key under
 * {@code mailwarden.archive.extract} ({@code max-chars must be at least 1, was 0}).
 *
 * @param timeout how long one attachment may take, nested documents included
 * @param maxChars the most characters of text kept; the rest is dropped and the extraction marked truncated
 * @param maxDepth how deep documents embedded in documents are read (1: the attachment itself only)
 * @param maxExpandedBytes the most bytes unpacked from archives and embedded documents of one attachment
 *     (zip bombs stop here)
 * @param zipContents whether the entries of an archive attached to a message are read (one level deep:
 *     an archive inside an archive is never opened)
 * @param maxMessageChars the most characters kept from all the attachments of one message together: zips expand a
 *     thousandfold, so a message of many small ones would otherwise fill the heap with text
 * @param messageTimeout how long the attachments of one message may take together; the ones left are not read
 */
public record ExtractLimits(Duration timeout, int maxChars, int maxDepth, long maxExpandedBytes, boolean zipContents,
        long maxMessageChars, Duration messageTimeout) {

    public ExtractLimits {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        if (maxChars < 1) {
            throw new IllegalArgumentException("max-chars must be at least 1, was " + maxChars);
        }
        if (maxDepth < 1) {
            throw new IllegalArgumentException("max-depth must be at least 1, was " + maxDepth);
        }
        if (maxExpandedBytes < 1) {
            throw new IllegalArgumentException("max-expanded must be at least 1, was " + maxExpandedBytes);
        }
        if (maxMessageChars < 1) {
            throw new IllegalArgumentException("max-message-chars must be at least 1, was " + maxMessageChars);
        }
        if (messageTimeout == null || messageTimeout.isNegative() || messageTimeout.isZero()) {
            throw new IllegalArgumentException("message-timeout must be positive, was " + messageTimeout);
        }
    }

    /** 30 s, one million characters, depth 3, 100 MB unpacked, zip entries read; 4 million characters and 5 min a message. */
    public static ExtractLimits defaults() {
        return new ExtractLimits(Duration.ofSeconds(30), 1_000_000, 3, 100L << 20, true, 4_000_000, Duration.ofMinutes(5));
    }
}
