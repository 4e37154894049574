package io.mailwarden.search.query;

import io.mailwarden.rules.match.Sizes;
import io.mailwarden.search.QuerySyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads operator values that are not text: dates, ages, sizes; a bad one is a {@link QuerySyntaxException}. */
final class Values {

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})");
    private static final Pattern AGE = Pattern.compile("(\\d{1,5})([dwmy])");

    private Values() {
    }

    /** {@code 2026-03-01} or {@code 2026/3/1}. */
    static LocalDate date(Token t) {
        Matcher m = DATE.matcher(t.text());
        if (m.matches()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                throw bad(t, "a real date like", "2026-03-01");
            }
        }
        throw bad(t, "a date like", "2026-03-01");
    }

    /** {@code 30d}, {@code 2w}, {@code 6m}, {@code 1y}. */
    static Period age(Token t) {
        Matcher m = AGE.matcher(t.text().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw bad(t, "an age like", "30d, 2w, 6m or 1y");
        }
        int n = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "d" -> Period.ofDays(n);
            case "w" -> Period.ofWeeks(n);
            case "m" -> Period.ofMonths(n);
            default -> Period.ofYears(n);
        };
    }

    /** {@code 5M}, {@code 200K}, {@code 1.5MB}, {@code 1000}. */
    static long size(Token t) {
        try {
            return Sizes.parse(t.text());
        } catch (IllegalArgumentException e) {
            throw bad(t, "a size like", "5M or 200K");
        }
    }

    static QuerySyntaxException bad(Token t, String what, String example) {
        return new QuerySyntaxException(t.operator() + ": needs " + what + " " + example + ", not '" + t.text()
                + "' (at " + t.column() + ")", t.position());
    }
}
