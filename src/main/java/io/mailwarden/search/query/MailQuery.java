package io.mailwarden.search.query;

import io.mailwarden.search.QuerySyntaxException;
import java.time.Clock;
import java.util.List;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * The search language (README, "Search") to a Lucene query over the archive index. Dates
 * ({@code after:}, {@code before:}) are days in the clock's time zone; ages ({@code older_than:}) count
 * back from the clock's now. Thread-safe.
 */
public final class MailQuery {

    private final TermQueries terms;

    public MailQuery(Clock clock) {
        this.terms = new TermQueries(clock);
    }

    /**
     * The query for what a person typed; an empty query matches every message.
     *
     * @throws QuerySyntaxException saying what is wrong and where
     */
    public Query parse(String query) {
        return lucene(QueryParser.parse(query == null ? "" : query));
    }

    private Query lucene(QueryNode node) {
        return switch (node) {
            case QueryNode.All all -> new MatchAllDocsQuery();
            case QueryNode.Term t -> terms.of(t.token());
            case QueryNode.Not not -> and(List.of(not));
            case QueryNode.And and -> and(and.nodes());
            case QueryNode.Or or -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                or.nodes().forEach(n -> b.add(lucene(n), Occur.SHOULD));
                yield b.build();
            }
        };
    }

    /** Exclusions become MUST_NOT; when nothing else is asked, they exclude from every message. */
    private Query and(List<QueryNode> nodes) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean positive = false;
        for (QueryNode n : nodes) {
            if (n instanceof QueryNode.Not not) {
                b.add(lucene(not.node()), Occur.MUST_NOT);
            } else {
                b.add(lucene(n), Occur.MUST);
                positive = true;
            }
        }
        if (!positive) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return b.build();
    }
}
