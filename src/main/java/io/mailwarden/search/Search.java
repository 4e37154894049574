package io.mailwarden.search;

import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/**
 * Search over the archive, as the HTTP API, the web page and the CLI use it. Implementations read the
 * daemon's open index (near-real-time) or, in CLI commands, a read-only view of the data directory.
 */
public interface Search {

    /** How hits are ordered. */
    enum Order {
        /** Newest first (the default). */
        DATE,
        /** Best match first. */
        RELEVANCE
    }

    /**
     * Runs a query written in the search language (see README, "Search").
     *
     * @throws QuerySyntaxException when the query is malformed: its message points at the problem
     */
    SearchPage search(String query, int limit, int offset, Order order);

    /**
     * The id of every archived place the query matches, however many (for exports and restores, which
     * take them all; {@link #search} pages).
     *
     * @throws QuerySyntaxException when the query is malformed
     */
    Set<String> ids(String query);

    /** One archived message: metadata, the text of each part, the rules that acted on it, where it lives. */
    Optional<MessageView> message(String id);

    /**
     * The original bytes of the message, exactly as archived, as a stream the caller closes: a message of
     * any size is served without being held in memory.
     */
    Optional<InputStream> raw(String id);

    /** The decoded content of the message's attachment number {@code n} (from 0, in MIME order). */
    Optional<AttachmentContent> attachment(String id, int n);
}
