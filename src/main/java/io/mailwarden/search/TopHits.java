package io.mailwarden.search;

import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.Fields;
import java.io.IOException;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * The best hits of a query and how many there are, counted exactly up to {@value #COUNT_LIMIT} (above it, the
 * total is a lower bound: a page of hits does not need the exact number, and counting tens of thousands of
 * matches would cost more than finding the page).
 *
 * <p>Newest first is the costly order on an archive: mail is indexed in about the order it arrived, so in
 * document order nearly every match is newer than all before it and replaces one in the top-hits queue. So the
 * newest hits are looked for among the newest messages first: a date window sized from how dense the matches
 * are, eight times wider each time it holds too few, the whole index last. Every message outside a window is
 * older than every one in it, so a window that holds a page of hits holds the right page.
 */
final class TopHits {

    /** Up to how many matches are counted exactly. */
    static final int COUNT_LIMIT = 1_000;
    private static final int WIDENING = 8;
    // a window aims at this many times the hits it needs, so that it is rarely too narrow
    private static final int MARGIN = 4;

    /** @param total how many match ({@code exact}), or at least how many (not {@code exact}) */
    record Page(ScoreDoc[] hits, long total, boolean exact) {
    }

    /** @param looked how many documents were looked through to count them */
    private record Count(long hits, long looked) {
    }

    private TopHits() {
    }

    /** The best {@code n} hits, by relevance. */
    static Page byRelevance(IndexSearcher s, Query q, int n) throws IOException {
        return page(s.search(q, n));
    }

    /** The newest {@code n} hits ({@link ArchiveIndex#NEWEST_FIRST}). */
    static Page newestFirst(IndexSearcher s, Query query, int n) throws IOException {
        Query q = s.rewrite(query);
        int maxDoc = s.getIndexReader().maxDoc();
        byte[] min = PointValues.getMinPackedValue(s.getIndexReader(), Fields.DATE);
        byte[] max = PointValues.getMaxPackedValue(s.getIndexReader(), Fields.DATE);
        Count counted = count(s, q);
        if (counted.hits() < COUNT_LIMIT || min == null || max == null) {
            TopDocs top = s.search(q, n, ArchiveIndex.NEWEST_FIRST);
            return counted.hits() < COUNT_LIMIT ? new Page(top.scoreDocs, counted.hits(), true) : atLeastLimit(top);
        }
        long newest = LongPoint.decodeDimension(max, 0);
        long span = newest - LongPoint.decodeDimension(min, 0);
        // messages are spread over time about evenly, and the matches about as densely as among those counted
        double windowDocs = (double) MARGIN * n * counted.looked() / counted.hits();
        for (double share = windowDocs / maxDoc; share < 1; share *= WIDENING) {
            long from = newest - (long) Math.ceil(span * share);
            Query windowed = new BooleanQuery.Builder().add(q, Occur.MUST)
                    .add(LongPoint.newRangeQuery(Fields.DATE, from, Long.MAX_VALUE), Occur.FILTER).build();
            TopDocs top = s.search(windowed, n, ArchiveIndex.NEWEST_FIRST);
            if (top.scoreDocs.length >= n) {
                return atLeastLimit(top);
            }
        }
        return atLeastLimit(s.search(q, n, ArchiveIndex.NEWEST_FIRST));
    }

    /** A page of a query known to match at least {@value #COUNT_LIMIT} documents. */
    private static Page atLeastLimit(TopDocs top) {
        return new Page(top.scoreDocs, Math.max(COUNT_LIMIT, top.totalHits.value()), false);
    }

    /** How many documents match, up to {@value #COUNT_LIMIT} (all are looked through unless the count stops there). */
    private static Count count(IndexSearcher s, Query q) throws IOException {
        Weight w = s.createWeight(q, ScoreMode.COMPLETE_NO_SCORES, 1f);
        long hits = 0;
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            int quick = w.count(leaf);
            if (quick >= 0 && hits + quick < COUNT_LIMIT) {
                hits += quick;
                continue;
            }
            ScorerSupplier supplier = w.scorerSupplier(leaf);
            if (supplier == null) {
                continue;
            }
            DocIdSetIterator it = supplier.get(Long.MAX_VALUE).iterator();
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if ((live == null || live.get(doc)) && ++hits == COUNT_LIMIT) {
                    return new Count(hits, leaf.docBase + doc + 1L);
                }
            }
        }
        return new Count(hits, s.getIndexReader().maxDoc());
    }

    private static Page page(TopDocs top) {
        return new Page(top.scoreDocs, top.totalHits.value(), top.totalHits.relation() == TotalHits.Relation.EQUAL_TO);
    }
}
