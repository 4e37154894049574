package io.mailwarden.archive;

import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ArchivedLocation;
import java.io.IOException;
import java.util.Set;

/** Makes an archived place searchable: the index side of the archive, fed from the raw bytes. */
public interface Indexer {

    /** Indexes (or re-indexes) the message at {@code place} from its raw bytes, read as a stream when spooled. */
    void index(ArchivedLocation place, RawMessage raw) throws IOException;

    default void index(ArchivedLocation place, byte[] raw) throws IOException {
        index(place, RawMessage.of(raw));
    }

    /** Marks the place's document as gone from the server (the archive keeps it). */
    void markDeletedOnServer(String id);

    /** Removes the place's document (the message moved away; the catalog keeps the old place). */
    void remove(String id);

    /** The ids of every indexed place. */
    Set<String> ids();

    /** Makes everything indexed so far durable. */
    void commit();

    /**
     * Every place was just indexed again from the store (a reindex): records that the index is of this
     * build's schema, and commits.
     */
    void rebuilt();
}
