package io.mailwarden.archive;

import io.mailwarden.state.ArchivedLocation;
import java.io.IOException;

/** Makes an archived place searchable: the index side of the archive, fed from the raw bytes. */
public interface Indexer {

    /** Indexes (or re-indexes) the message at {@code place} from its raw bytes. */
    void index(ArchivedLocation place, byte[] raw) throws IOException;
}
