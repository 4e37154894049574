package io.mailwarden.archive.index;

import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns a word or phrase, as a person types it ({@code 发票}, {@code Q3发票}, {@code ＡＢＣ},
 * {@code "annual budget"}), into a query over text fields. Thread-safe.
 *
 * <p>Which documents match is decided by the bigram fields alone: the typed text is a phrase of its
 * tokens there (see {@link MailAnalyzers}), so every message with those characters in a row in one of
 * the fields matches, and no other. Fields with a words companion add it as an optional clause, which
 * only ranks: whole-word matches score above matches inside a longer word. Subject matches count double.
 */
public final class TextQueries {

    private static final float SUBJECT_BOOST = 2f;

    private final QueryBuilder builder = new QueryBuilder(MailAnalyzers.querying());

    /** The typed text anywhere a free word looks ({@link Fields#FREE_TEXT}); empty when it has no word in it. */
    public Optional<Query> anywhere(String typed) {
        return in(typed, Fields.FREE_TEXT);
    }

    /**
     * The typed text in any of the given text fields (e.g. {@link Fields#SUBJECT} for {@code subject:});
     * empty when it has no word in it (only punctuation or spaces).
     */
    public Optional<Query> in(String typed, List<String> textFields) {
        BooleanQuery.Builder matches = new BooleanQuery.Builder();
        BooleanQuery.Builder ranks = new BooleanQuery.Builder();
        boolean any = false;
        boolean han = Fields.hasHan(typed);
        for (String field : textFields) {
            Query phrase = builder.createPhraseQuery(field, typed);
            if (phrase == null) {
                continue;
            }
            any = true;
            matches.add(boost(field, phrase), Occur.SHOULD);
            String words = han ? Fields.wordsOf(field) : null; // only Han text has words fields
            Query wordQuery = words == null ? null : builder.createBooleanQuery(words, typed, Occur.MUST);
            if (wordQuery != null) {
                ranks.add(boost(field, wordQuery), Occur.SHOULD);
            }
        }
        if (!any) {
            return Optional.empty();
        }
        return Optional.of(new BooleanQuery.Builder()
                .add(matches.build(), Occur.MUST)
                .add(ranks.build(), Occur.SHOULD)
                .build());
    }

    private static Query boost(String field, Query q) {
        return field.equals(Fields.SUBJECT) ? new BoostQuery(q, SUBJECT_BOOST) : q;
    }
}
