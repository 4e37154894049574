package io.mailwarden.archive.index;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;

/** What searching needs of an index: the writer's near-real-time view ({@link ArchiveIndex}) or a read-only one ({@link ReadOnlyIndex}). */
public interface SearchableIndex {

    /** Something to run with a searcher of the current view. */
    @FunctionalInterface
    interface SearcherFunction<T> {
        /** Runs with the searcher, which is only valid until this returns. */
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** Runs {@code fn} with a searcher acquired for the call and released after it, however it ends. */
    <T> T withSearcher(SearcherFunction<T> fn);

    /**
     * The best {@code limit} (at least 1) hits of {@code query}, by relevance when {@code sort} is null,
     * with their stored fields (no body or attachment text).
     */
    default SearchResult search(Query query, int limit, Sort sort) {
        if (limit < 1) {
            throw new IllegalArgumentException("a search needs a limit of at least 1, not " + limit);
        }
        return withSearcher(s -> StoredReads.search(s, query, limit, sort));
    }

    /** The id of every message {@code query} matches, in no particular order. */
    default Set<String> ids(Query query) {
        return withSearcher(s -> StoredReads.ids(s, query));
    }

    /** The whole indexed message with this id, body and attachment text included. */
    default Optional<MessageDocument> get(String id) {
        return withSearcher(s -> StoredReads.get(s, new Term(Fields.ID, id)));
    }

    /** The stored fields of hit {@code doc} of {@code searcher} (no body or attachment text), for callers that search themselves. */
    static MessageDocument hit(IndexSearcher searcher, int doc) throws IOException {
        return StoredReads.hit(searcher, doc);
    }
}
