package io.mailwarden.search;

import io.mailwarden.archive.index.Fields;
import io.mailwarden.archive.index.MailAnalyzers;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted extracts of hits: Lucene's unified highlighter re-analyses the stored subject, body and
 * attachment text (the index keeps no offsets). Everything from the mail is HTML-escaped; only
 * {@code <mark>} and {@code </mark>} are added. Thread-safe.
 *
 * <p>Re-analysing is most of a search's time, so it is done only where a mark can come from: a field is
 * highlighted only when the query has terms in it, and the attachment text and the subject only for the hits
 * whose body has no match. Offsets come from a token stream filtered to the query's terms (a small in-memory
 * index only for phrases), not from a copy of the whole query run per document; each hit's texts are read from
 * the index once for all three fields.
 */
final class Snippets {

    static final String MARK = "<mark>";
    private static final int TARGET_CHARS = 120;
    // highlighting reads at most this much of each text: enough for a snippet, cheap for long attachments
    private static final int MAX_CHARS = 20_000;
    private static final Set<String> HIGHLIGHTED = Set.of(Fields.BODY, Fields.ATTACHMENT_TEXT, Fields.SUBJECT);

    private final Analyzer analyzer = MailAnalyzers.indexing();

    /** One snippet per doc: the body's matches, else an attachment's, else the subject's, else the body's start. */
    String[] of(IndexSearcher searcher, Query query, int[] docs) throws IOException {
        UnifiedHighlighter highlighter = highlighter(searcher);
        Set<String> queried = fieldsWithTerms(query);
        String[] out = highlighter.highlightFields(new String[] {Fields.BODY}, query, docs, new int[] {2})
                .get(Fields.BODY);
        for (String field : new String[] {Fields.ATTACHMENT_TEXT, Fields.SUBJECT}) {
            int[] unmarked = IntStream.range(0, docs.length).filter(i -> !marked(out[i])).toArray();
            if (unmarked.length == 0 || !queried.contains(field)) {
                continue;
            }
            int[] sub = Arrays.stream(unmarked).map(i -> docs[i]).toArray();
            String[] found = highlighter.highlightFields(new String[] {field}, query, sub,
                    new int[] {field.equals(Fields.SUBJECT) ? 1 : 2}).get(field);
            for (int j = 0; j < unmarked.length; j++) {
                if (marked(found[j])) {
                    out[unmarked[j]] = found[j];
                }
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] == null ? "" : out[i].replace(StoredTexts.VALUE_SEPARATOR, ' ').strip();
        }
        return out;
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) throws IOException {
        StoredTexts texts = new StoredTexts(searcher.storedFields(), HIGHLIGHTED, MAX_CHARS);
        return new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter(MARK, "</mark>", " … ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), TARGET_CHARS, 0.3f))
                .withMaxLength(MAX_CHARS)
                // both would make the highlighter index every document's text in memory and run the whole
                // query on it: several times slower, for a ranking of passages a two-passage snippet hardly shows
                .withWeightMatches(false)
                .withPassageRelevancyOverSpeed(false)) {
            @Override
            protected int getMaxNoHighlightPassages(String field) {
                return field.equals(Fields.BODY) ? 1 : 0;
            }

            // the index keeps no offsets; asking the index would merge its field infos on every call
            @Override
            protected OffsetSource getOffsetSource(String field) {
                return OffsetSource.ANALYSIS;
            }

            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheThreshold)
                    throws IOException {
                return texts.of(fields, docs);
            }
        };
    }

    /** The fields the query has terms in (excluded ones apart: nothing they match is in a hit). */
    private static Set<String> fieldsWithTerms(Query query) {
        Set<String> fields = new HashSet<>();
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                for (Term t : terms) {
                    fields.add(t.field());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
            }
        });
        return fields;
    }

    private static boolean marked(String s) {
        return s != null && s.contains(MARK);
    }
}
