package io.mailwarden.archive.index;

/**
 * One hit of {@link ArchiveIndex#search}.
 *
 * @param score the relevance score, or {@code NaN} when the search was sorted by a field
 * @param message the hit's stored fields: everything but the body and the attachments' text, which
 *        are empty strings here ({@link ArchiveIndex#get} has them; highlighters read them themselves)
 */
public record IndexHit(float score, MessageDocument message) {
}
