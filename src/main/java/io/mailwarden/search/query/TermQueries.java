package io.mailwarden.search.query;

import io.mailwarden.archive.index.Fields;
import io.mailwarden.archive.index.TextQueries;
import io.mailwarden.search.QuerySyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** The Lucene query of one term: a free word or phrase, or one operator with its value (see {@link Fields}). */
final class TermQueries {

    private static final Pattern DOMAIN = Pattern.compile("@?[\\p{L}\\p{N}-]+(\\.[\\p{L}\\p{N}-]+)+");

    private final TextQueries text = new TextQueries();
    private final Clock clock;

    TermQueries(Clock clock) {
        this.clock = clock;
    }

    Query of(Token t) {
        if (t.kind() == Token.Kind.WORD) {
            return textOrAll(text.anywhere(t.text()).orElse(null));
        }
        String v = t.text();
        return switch (t.operator()) {
            case "from" -> address(v, Fields.FROM, Fields.FROM_DOMAIN, Fields.FROM_TEXT);
            case "to" -> address(v, Fields.TO, Fields.TO_DOMAIN, Fields.TO_TEXT);
            case "cc" -> address(v, Fields.CC, Fields.CC_DOMAIN, Fields.CC_TEXT);
            case "subject" -> in(v, Fields.SUBJECT);
            case "body" -> in(v, Fields.BODY);
            case "attachment" -> in(v, Fields.ATTACHMENT_TEXT);
            case "problem" -> in(v, Fields.PROBLEM);
            case "filename" -> any(exact(Fields.ATTACHMENT_NAME, v),
                    // indexed split at dots, dashes and underscores: "report.pdf" finds "Q3-report.pdf"
                    in(v.replaceAll("[._\\-]+", " "), Fields.ATTACHMENT_NAME_TEXT));
            case "has" -> has(t);
            case "folder" -> new TermQuery(new Term(Fields.FOLDER, v.equalsIgnoreCase("inbox") ? "INBOX" : v));
            case "account" -> new TermQuery(new Term(Fields.ACCOUNT, v));
            case "rule" -> exact(Fields.RULE, v);
            case "msgid" -> new TermQuery(new Term(Fields.MESSAGE_ID, Fields.messageId(v)));
            case "is" -> is(t);
            case "after" -> since(Values.date(t));
            case "before" -> until(Values.date(t));
            case "newer_than" -> sinceInstant(ZonedDateTime.now(clock).minus(Values.age(t)));
            case "older_than" -> untilInstant(ZonedDateTime.now(clock).minus(Values.age(t)));
            case "larger" -> LongPoint.newRangeQuery(Fields.SIZE, Values.size(t), Long.MAX_VALUE);
            case "smaller" -> LongPoint.newRangeQuery(Fields.SIZE, Long.MIN_VALUE, Values.size(t) - 1);
            default -> throw new IllegalStateException("operator without a query: " + t.operator());
        };
    }

    /** An exact address, a domain (and its subdomains), or words of the names and addresses. */
    private Query address(String v, String field, String domainField, String textField) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(exact(field, v), Occur.SHOULD);
        if (DOMAIN.matcher(v).matches()) {
            b.add(exact(domainField, v.startsWith("@") ? v.substring(1) : v), Occur.SHOULD);
        }
        text.in(v, List.of(textField)).ifPresent(q -> b.add(q, Occur.SHOULD));
        return b.build();
    }

    private Query in(String v, String field) {
        return textOrAll(text.in(v, List.of(field)).orElse(null));
    }

    // a word of punctuation only constrains nothing, as in Gmail
    private static Query textOrAll(Query q) {
        return q == null ? new MatchAllDocsQuery() : q;
    }

    private static Query any(Query a, Query b) {
        return new BooleanQuery.Builder().add(a, Occur.SHOULD).add(b, Occur.SHOULD).build();
    }

    private static Query exact(String field, String v) {
        return new TermQuery(new Term(field, Fields.exact(v)));
    }

    private static Query has(Token t) {
        if (!t.text().equalsIgnoreCase("attachment")) {
            throw new QuerySyntaxException("has: knows only has:attachment, not '" + t.text() + "' (at " + t.column()
                    + ")", t.position());
        }
        return IntPoint.newRangeQuery(Fields.ATTACHMENT_COUNT, 1, Integer.MAX_VALUE);
    }

    private static Query is(Token t) {
        Query seen = exact(Fields.FLAG, "\\Seen");
        return switch (Fields.exact(t.text())) {
            case "read" -> seen;
            case "unread" -> new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(seen, Occur.MUST_NOT).build();
            case "flagged", "starred" -> exact(Fields.FLAG, "\\Flagged");
            case "answered", "replied" -> exact(Fields.FLAG, "\\Answered");
            default -> throw new QuerySyntaxException("is: can be unread, read, flagged or answered, not '" + t.text()
                    + "' (at " + t.column() + ")", t.position());
        };
    }

    private Query since(LocalDate day) {
        return sinceInstant(day.atStartOfDay(clock.getZone()));
    }

    private Query until(LocalDate day) {
        return untilInstant(day.atStartOfDay(clock.getZone()));
    }

    private static Query sinceInstant(ZonedDateTime t) {
        return LongPoint.newRangeQuery(Fields.DATE, t.toInstant().toEpochMilli(), Long.MAX_VALUE);
    }

    private static Query untilInstant(ZonedDateTime t) {
        long end = t.toInstant().toEpochMilli();
        return end == Long.MIN_VALUE ? new MatchNoDocsQuery() : LongPoint.newRangeQuery(Fields.DATE, Long.MIN_VALUE, end - 1);
    }
}
