package io.mailwarden.search;

import io.mailwarden.archive.index.AttachmentDoc;
import io.mailwarden.archive.index.MessageDocument;
import io.mailwarden.archive.index.SearchableIndex;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.parse.AttachmentBytes;
import io.mailwarden.search.query.MailQuery;
import io.mailwarden.state.LinkedFile;
import io.mailwarden.state.LinkedFileStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;

/**
 * {@link Search} over one index and its raw store. The index comes from a supplier, asked on every call:
 * the daemon's open index, or a read-only view; null when there is no index yet (nothing found). Thread-safe.
 */
public final class ArchiveSearch implements Search {

    /** The most hits one page may have. */
    public static final int MAX_LIMIT = 100;
    /** How deep paging may go (offset + limit): deeper pages cost memory and time for no reader. */
    public static final int MAX_DEPTH = 10_000;

    private final Supplier<SearchableIndex> index;
    private final RawStore store;
    private final RawStore files;
    private final LinkedFileStore linkedFiles;
    private final MailQuery queries;
    private final Snippets snippets = new Snippets();

    public ArchiveSearch(Supplier<SearchableIndex> index, RawStore store, Clock clock) {
        this(index, store, null, null, clock);
    }

    /** Serving also the files messages link to, kept in {@code files} as {@code linkedFiles} records them. */
    public ArchiveSearch(Supplier<SearchableIndex> index, RawStore store, RawStore files, LinkedFileStore linkedFiles,
            Clock clock) {
        this.index = index;
        this.store = store;
        this.files = files;
        this.linkedFiles = linkedFiles;
        this.queries = new MailQuery(clock);
    }

    /**
     * @throws QuerySyntaxException when the query is malformed
     * @throws IllegalArgumentException when limit is not 1..{@value #MAX_LIMIT}, or offset is negative or
     *         too deep (offset + limit over {@value #MAX_DEPTH})
     */
    @Override
    public SearchPage search(String query, int limit, int offset, Order order) {
        long start = System.nanoTime();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", not " + limit);
        }
        if (offset < 0 || offset + limit > MAX_DEPTH) {
            throw new IllegalArgumentException("offset must be 0 to " + (MAX_DEPTH - limit) + ", not " + offset);
        }
        Query q = parse(query);
        SearchableIndex idx = index.get();
        if (idx == null) {
            return new SearchPage(query, 0, true, millisSince(start), offset, List.of());
        }
        return withinClauseLimit(() -> idx.withSearcher(s -> {
            TopHits.Page top = order == Order.RELEVANCE ? TopHits.byRelevance(s, q, offset + limit)
                    : TopHits.newestFirst(s, q, offset + limit);
            ScoreDoc[] page = Arrays.copyOfRange(top.hits(), Math.min(offset, top.hits().length), top.hits().length);
            int[] docs = Arrays.stream(page).mapToInt(sd -> sd.doc).toArray();
            String[] snippets = this.snippets.of(s, q, docs);
            List<Hit> hits = new ArrayList<>(docs.length);
            for (int i = 0; i < docs.length; i++) {
                hits.add(Hits.of(SearchableIndex.hit(s, docs[i]), snippets[i]));
            }
            return new SearchPage(query, top.total(), top.exact(), millisSince(start), offset, hits);
        }));
    }

    @Override
    public Set<String> ids(String query) {
        Query q = parse(query);
        SearchableIndex idx = index.get();
        return idx == null ? Set.of() : withinClauseLimit(() -> idx.ids(q));
    }

    private Query parse(String query) {
        return withinClauseLimit(() -> queries.parse(query));
    }

    /** Lucene's limit on the clauses of one query (terms, and the words of phrases), said as a bad query. */
    private static <T> T withinClauseLimit(Supplier<T> search) {
        try {
            return search.get();
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QuerySyntaxException("the query has too many terms: at most " + IndexSearcher.getMaxClauseCount()
                    + " words and values in all", 0);
        }
    }

    @Override
    public Optional<MessageView> message(String id) {
        return document(id).map(Hits::view);
    }

    @Override
    public Optional<InputStream> raw(String id) {
        Optional<MessageDocument> doc = document(id);
        if (doc.isEmpty() || !store.contains(doc.get().contentHash())) {
            return Optional.empty();
        }
        try {
            return Optional.of(store.open(doc.get().contentHash()));
        } catch (IOException e) {
            throw unreadable(doc.get(), e);
        }
    }

    @Override
    public Optional<AttachmentContent> attachment(String id, int n) {
        Optional<MessageDocument> doc = document(id);
        if (doc.isEmpty() || n < 0 || n >= doc.get().attachments().size()) {
            return Optional.empty();
        }
        var info = doc.get().attachments().get(n);
        MessageDocument m = doc.get();
        if (!store.contains(m.contentHash())) {
            return Optional.empty();
        }
        try { // a big message goes through the spool: it is never held in memory
            Optional<InputStream> own = AttachmentBytes.open(store.load(m.contentHash(), m.size()), n);
            return (own.isPresent() ? own : linkedFile(m, info))
                    .map(in -> new AttachmentContent(info.name(), info.type().isEmpty() ? "application/octet-stream"
                            : info.type(), in));
        } catch (IOException e) {
            throw unreadable(m, e);
        }
    }

    /** A file the message links to (indexed after its own attachments): the stored one of that name and size. */
    private Optional<InputStream> linkedFile(MessageDocument m, AttachmentDoc info) throws IOException {
        if (linkedFiles == null) {
            return Optional.empty();
        }
        for (LinkedFile f : linkedFiles.forMessage(m.contentHash())) {
            if (f.status() == LinkedFile.Status.STORED && f.name().equals(info.name()) && f.size() == info.size()
                    && files.contains(f.fileHash())) {
                return Optional.of(files.open(f.fileHash()));
            }
        }
        return Optional.empty();
    }

    private Optional<MessageDocument> document(String id) {
        SearchableIndex idx = index.get();
        return idx == null || id == null ? Optional.empty() : idx.get(id);
    }

    private UncheckedIOException unreadable(MessageDocument m, IOException e) {
        return new UncheckedIOException("cannot read message " + m.id() + " from the raw store at " + store.root()
                + ": " + e.getMessage(), e);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
