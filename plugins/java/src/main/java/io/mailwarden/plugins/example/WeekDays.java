package io.mailwarden.plugins.example;

import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Days of the week as admins write them: {@code mon-fri}, {@code [sat, sun]}, {@code mon, wed, fri-sun}. */
final class WeekDays {

    private static final List<String> NAMES = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private WeekDays() {
    }

    static Set<DayOfWeek> parse(ConfigNode node) throws ConfigException {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (ConfigNode item : node.asList("days such as mon-fri or [sat, sun]")) {
            for (String part : item.asNonBlank("a day such as mon or a range such as mon-fri").split(",")) {
                String[] ends = part.strip().split("\\s*-\\s*", -1);
                if (ends.length > 2) {
                    throw item.error("bad days '" + part.strip() + "': a range has two ends, such as mon-fri");
                }
                DayOfWeek from = day(item, ends[0]);
                DayOfWeek to = day(item, ends[ends.length - 1]);
                // a range may wrap over the weekend: fri-mon is fri, sat, sun, mon
                for (DayOfWeek d = from; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == to) {
                        break;
                    }
                }
            }
        }
        if (days.isEmpty()) {
            throw node.error("days is empty: leave it out to mean mon-fri");
        }
        return days;
    }

    static String show(Set<DayOfWeek> days) {
        return days.stream().map(d -> NAMES.get(d.ordinal())).collect(Collectors.joining(","));
    }

    /** mon or monday, any case. */
    private static DayOfWeek day(ConfigNode item, String text) throws ConfigException {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.name().toLowerCase(Locale.ROOT);
            if (t.length() >= 3 && full.startsWith(t) && (t.length() == 3 || t.equals(full))) {
                return d;
            }
        }
        throw item.error("unknown day '" + text.strip() + "': use mon, tue, wed, thu, fri, sat, sun or a range such as mon-fri");
    }
}
