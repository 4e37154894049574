package io.mailwarden.message.parse;

import jakarta.mail.internet.MailDateFormat;
import java.text.ParsePosition;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Date header, read strictly first and leniently after, keeping the sender's offset. */
public final class MailDates {

    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})\\s*$");
    private static final Pattern COMMENT = Pattern.compile("\\([^)]*\\)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private MailDates() {
    }

    /** The Date header's time, or null when it is missing or unreadable (then a reason goes to {@code problems}). */
    public static OffsetDateTime parse(String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = SPACES.matcher(value.indexOf('(') < 0 ? value : COMMENT.matcher(value).replaceAll("")).replaceAll(" ")
                .strip();
        try {
            return withFullYear(OffsetDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException strictFailed) {
            Date d = new MailDateFormat().parse(v, new ParsePosition(0));
            if (d == null) {
                problems.add("unreadable Date header: " + value);
                return null;
            }
            Matcher m = OFFSET.matcher(v);
            ZoneOffset offset = ZoneOffset.UTC;
            if (m.find()) {
                int sign = m.group(1).equals("-") ? -1 : 1;
                try {
                    offset = ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(m.group(2)),
                            sign * Integer.parseInt(m.group(3)));
                } catch (java.time.DateTimeException outOfRange) {
                    offset = ZoneOffset.UTC;
                }
            }
            return withFullYear(d.toInstant().atOffset(offset));
        }
    }

    /** Obsolete two- and three-digit years (RFC 5322 4.3), which the lenient parser takes literally. */
    private static OffsetDateTime withFullYear(OffsetDateTime t) {
        int year = t.getYear();
        if (year >= 1000) {
            return t;
        }
        return t.plusYears(year < 50 ? 2000 : 1900);
    }
}
