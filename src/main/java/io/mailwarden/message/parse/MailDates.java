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
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private MailDates() {
    }

    /** The Date header's time, or null when it is missing or unreadable (then a reason goes to {@code problems}). */
    public static OffsetDateTime parse(String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = SPACES.matcher(value.indexOf('(') < 0 ? value : Markup.replaceSpans(value, '(', ')', "")).replaceAll(" ")
                .strip();
        OffsetDateTime common = common(v);
        if (common != null) {
            return common;
        }
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

    /**
     * The form nearly every message has, {@code [Tue, ]1 Jul 2003 10:52[:37] +0200} (spaces already single; also
     * {@code +02:00}, which the lenient parser misreads),
     * read by hand: the JDK's formatter costs a few percent of archiving a message. Null for anything else,
     * which the formatter and the lenient parser then read. The weekday is not checked: they ignore a wrong
     * one too.
     */
    private static OffsetDateTime common(String v) {
        int at = v.indexOf(',') == 3 ? (v.startsWith(" ", 4) ? 5 : 4) : 0;
        int dayEnd = v.indexOf(' ', at);
        int y = dayEnd + 5; // the year
        if (dayEnd - at < 1 || dayEnd - at > 2 || v.length() <= y + 10 || v.charAt(y - 1) != ' '
                || v.charAt(y + 4) != ' ' || v.charAt(y + 7) != ':') {
            return null;
        }
        int month = MONTHS.indexOf(v.substring(dayEnd + 1, dayEnd + 4));
        boolean seconds = v.charAt(y + 10) == ':';
        int zone = y + (seconds ? 13 : 10);
        boolean colon = v.length() == zone + 7 && v.charAt(zone + 4) == ':'; // +08:00, which some clients write
        if (month % 3 != 0 || v.length() != zone + (colon ? 7 : 6) || v.charAt(zone) != ' ') {
            return null;
        }
        int day = digits(v, at, dayEnd);
        int year = digits(v, y, y + 4);
        int hour = digits(v, y + 5, y + 7);
        int minute = digits(v, y + 8, y + 10);
        int second = seconds ? digits(v, y + 11, y + 13) : 0;
        int offsetHours = digits(v, zone + 2, zone + 4);
        int offsetMinutes = colon ? digits(v, zone + 5, zone + 7) : digits(v, zone + 4, zone + 6);
        char sign = v.charAt(zone + 1);
        if ((day | year | hour | minute | second | offsetHours | offsetMinutes) < 0 || sign != '+' && sign != '-'
                || year < 1000 || offsetMinutes > 59) {
            return null;
        }
        try {
            int minutes = (offsetHours * 60 + offsetMinutes) * (sign == '-' ? -1 : 1);
            return OffsetDateTime.of(year, month / 3 + 1, day, hour, minute, second, 0,
                    ZoneOffset.ofTotalSeconds(minutes * 60));
        } catch (java.time.DateTimeException outOfRange) {
            return null;
        }
    }

    /** The number {@code v} holds from {@code from} to {@code to}, all ASCII digits; else -1. */
    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + c - '0';
        }
        return n;
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
