package io.mailwarden.search;

import io.mailwarden.archive.index.Fields;
import io.mailwarden.archive.index.MailAnalyzers;
import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Highlighted extracts of hits: Lucene's unified highlighter re-analyses the stored subject, body and
 * attachment text (the index keeps no offsets). Everything from the mail is HTML-escaped; only
 * {@code <mark>} and {@code </mark>} are added. Thread-safe.
 */
final class Snippets {

    static final String MARK = "<mark>";
    private static final String[] FIELDS = {Fields.BODY, Fields.ATTACHMENT_TEXT, Fields.SUBJECT};
    private static final int[] PASSAGES = {2, 2, 1};
    private static final int TARGET_CHARS = 120;
    // highlighting reads at most this much of each text: enough for a snippet, cheap for long attachments
    private static final int MAX_CHARS = 20_000;
    // the highlighter's separator between two attachments' texts
    private static final char VALUE_SEPARATOR = '\u2029';

    private final Analyzer analyzer = MailAnalyzers.indexing();

    /** One snippet per doc: the body's matches, else an attachment's, else the subject's, else the body's start. */
    String[] of(IndexSearcher searcher, Query query, int[] docs) throws IOException {
        UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter(MARK, "</mark>", " … ", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), TARGET_CHARS, 0.3f))
                .withMaxLength(MAX_CHARS)) {
            @Override
            protected int getMaxNoHighlightPassages(String field) {
                return field.equals(Fields.BODY) ? 1 : 0;
            }
        };
        Map<String, String[]> found = highlighter.highlightFields(FIELDS, query, docs, PASSAGES);
        String[] out = new String[docs.length];
        for (int i = 0; i < docs.length; i++) {
            String body = found.get(Fields.BODY)[i];
            String attachment = found.get(Fields.ATTACHMENT_TEXT)[i];
            String subject = found.get(Fields.SUBJECT)[i];
            String best = marked(body) ? body : marked(attachment) ? attachment : marked(subject) ? subject : body;
            out[i] = best == null ? "" : best.replace(VALUE_SEPARATOR, ' ').strip();
        }
        return out;
    }

    private static boolean marked(String s) {
        return s != null && s.contains(MARK);
    }
}
