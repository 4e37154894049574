package io.mailwarden.plugins.example;

import io.mailwarden.message.MailItem;
import io.mailwarden.plugin.Condition;
import io.mailwarden.plugin.Facts;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/** The compiled business-hours condition: [start, end) on the given days, in the given zone. */
record OfficeHours(ZoneId zone, Set<DayOfWeek> days, LocalTime start, LocalTime end, String shown)
        implements Condition {

    private static final DateTimeFormatter SHOW = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT);

    OfficeHours {
        days = Set.copyOf(days);
    }

    @Override
    public boolean test(Facts facts) {
        ZonedDateTime t = when(facts).atZone(zone);
        LocalTime time = t.toLocalTime();
        return days.contains(t.getDayOfWeek()) && !time.isBefore(start) && (end.equals(LocalTime.MAX) || time.isBefore(end));
    }

    @Override
    public String explain(Facts facts) {
        return "business-hours: " + SHOW.format(when(facts).atZone(zone)) + " " + zone + " (" + source(facts)
                + ") is within " + shown;
    }

    /** When the message arrived: the server's INTERNALDATE is trusted over the sender's Date header. */
    static Instant when(Facts facts) {
        MailItem item = facts.item();
        if (item.internalDate() != null) {
            return item.internalDate();
        }
        return item.message().date() != null ? item.message().date().toInstant() : facts.now();
    }

    private static String source(Facts facts) {
        return facts.item().internalDate() != null ? "arrival" : facts.message().date() != null ? "Date header" : "now";
    }
}
