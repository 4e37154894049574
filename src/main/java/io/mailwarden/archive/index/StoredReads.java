package io.mailwarden.archive.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.Bits;
import org.jboss.logging.Logger;

/** The read side of {@link ArchiveIndex}: hits with their stored fields, whole documents, the id list. */
final class StoredReads {

    private static final Logger LOG = Logger.getLogger("mailwarden.index");

    /** Stored fields a hit list needs: all but the (large) texts. */
    private static final Set<String> HIT_FIELDS = Set.of(Fields.ID, Fields.ACCOUNT, Fields.FOLDER,
            Fields.UID_VALIDITY, Fields.UID, Fields.CONTENT_HASH, Fields.MESSAGE_ID, Fields.IN_REPLY_TO,
            Fields.REFERENCES, Fields.FROM, Fields.FROM_NAME, Fields.TO, Fields.TO_NAME, Fields.CC, Fields.CC_NAME,
            Fields.SUBJECT, Fields.DATE, Fields.SIZE, Fields.FLAG, Fields.ATTACHMENT_NAME, Fields.ATTACHMENT_TYPE,
            Fields.ATTACHMENT_SIZE, Fields.ATTACHMENT_PROBLEM, Fields.PROBLEM, Fields.RULE);

    private StoredReads() {
    }

    /** Runs {@code fn} with a searcher of {@code searchers}, released however it ends; failures become {@code failure}'s. */
    static <T> T withSearcher(SearcherManager searchers, SearchableIndex.SearcherFunction<T> fn,
            BiFunction<String, Exception, IndexException> failure, Path path) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException | RuntimeException e) {
            throw failure.apply("open a searcher", e);
        }
        try {
            return fn.apply(searcher);
        } catch (IOException e) {
            throw failure.apply("search", e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                LOG.warnf(e, "Could not release a searcher of the index at %s", path);
            }
        }
    }

    static SearchResult search(IndexSearcher s, Query query, int limit, Sort sort) throws IOException {
        TopDocs top = sort == null ? s.search(query, limit) : s.search(query, limit, sort);
        List<IndexHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (ScoreDoc sd : top.scoreDocs) {
            hits.add(new IndexHit(sd.score, hit(s, sd.doc)));
        }
        return new SearchResult(top.totalHits.value(), top.totalHits.relation() == TotalHits.Relation.EQUAL_TO,
                hits);
    }

    static MessageDocument hit(IndexSearcher s, int doc) throws IOException {
        return DocumentMapper.fromStored(s.storedFields().document(doc, HIT_FIELDS), deletedOnServer(s, doc));
    }

    static Optional<MessageDocument> get(IndexSearcher s, Term id) throws IOException {
        TopDocs top = s.search(new TermQuery(id), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        int doc = top.scoreDocs[0].doc;
        return Optional.of(DocumentMapper.fromStored(s.storedFields().document(doc), deletedOnServer(s, doc)));
    }

    /** The id of every live document {@code query} matches, without scoring or loading stored fields. */
    static Set<String> ids(IndexSearcher s, Query query) throws IOException {
        Weight weight = s.createWeight(s.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Set<String> out = new HashSet<>();
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Scorer scorer = weight.scorer(leaf);
            if (scorer == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), Fields.ID);
            DocIdSetIterator it = scorer.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if ((live == null || live.get(doc)) && ids.advanceExact(doc)) {
                    out.add(ids.lookupOrd(ids.ordValue()).utf8ToString());
                }
            }
        }
        return out;
    }

    static Map<String, String> hashesById(IndexSearcher s) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            SortedDocValues ids = DocValues.getSorted(leaf.reader(), Fields.ID);
            SortedDocValues hashes = DocValues.getSorted(leaf.reader(), Fields.CONTENT_HASH);
            for (int doc = ids.nextDoc(); doc != SortedDocValues.NO_MORE_DOCS; doc = ids.nextDoc()) {
                if (live == null || live.get(doc)) {
                    String hash = hashes.advanceExact(doc) ? hashes.lookupOrd(hashes.ordValue()).utf8ToString() : "";
                    out.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), hash);
                }
            }
        }
        return out;
    }

    private static boolean deletedOnServer(IndexSearcher s, int doc) throws IOException {
        List<LeafReaderContext> leaves = s.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        NumericDocValues deleted = DocValues.getNumeric(leaf.reader(), Fields.DELETED_ON_SERVER);
        return deleted.advanceExact(doc - leaf.docBase) && deleted.longValue() == 1;
    }
}
