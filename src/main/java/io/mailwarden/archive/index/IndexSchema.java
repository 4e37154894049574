package io.mailwarden.archive.index;

import java.util.Map;
import java.util.Optional;

/**
 * Which way of turning messages into documents an index was built with, recorded in its commits. Lucene
 * reads an older index of ours without complaint, but documents analysed another way match or rank
 * differently, and only {@code mailwarden reindex} makes them alike again: so an index built by another
 * version says so instead of silently searching worse.
 *
 * @param version the schema the index's documents were written with
 */
public record IndexSchema(int version) {

    /**
     * The schema this build writes; bump it whenever a field is analysed or stored differently.
     * <ol>
     * <li>the first index: body words segmented by smartcn (no version recorded yet);</li>
     * <li>body words segmented by ICU's dictionary word break.</li>
     * </ol>
     */
    public static final int CURRENT = 2;

    /** Commit user data: the schema of the index's documents. */
    static final String KEY = "mailwarden.schema";

    /** The schema recorded in a commit's user data; an index from before the versions were recorded is 1. */
    static IndexSchema of(Map<String, String> userData) {
        String v = userData.get(KEY);
        if (v == null) {
            return new IndexSchema(1);
        }
        try {
            return new IndexSchema(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            throw new IndexException("the index's commit records schema '" + v + "', not a number; rebuild it with"
                    + " 'mailwarden reindex'", e);
        }
    }

    static IndexSchema current() {
        return new IndexSchema(CURRENT);
    }

    public boolean isCurrent() {
        return version == CURRENT;
    }

    /** What to tell the operator about an index of this schema: empty when it is the current one. */
    public Optional<String> advice() {
        if (version < CURRENT) {
            return Optional.of("the index was built by an older mailwarden (index schema " + version + ", this one"
                    + " writes " + CURRENT + "): its older documents may match or rank differently from new"
                    + " ones until 'mailwarden reindex' rebuilds it");
        }
        if (version > CURRENT) {
            return Optional.of("the index was built by a newer mailwarden (index schema " + version + ", this one"
                    + " writes " + CURRENT + "): messages archived by this version may be found less well; run"
                    + " 'mailwarden reindex' with the version you keep");
        }
        return Optional.empty();
    }
}
