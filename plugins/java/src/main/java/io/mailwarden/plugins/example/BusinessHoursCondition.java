package io.mailwarden.plugins.example;

import io.mailwarden.plugin.CompileContext;
import io.mailwarden.plugin.Condition;
import io.mailwarden.plugin.ConditionPlugin;
import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code business-hours: { zone: Asia/Shanghai, days: mon-fri, hours: "09:00-18:00" }}: true when the
 * message arrived during office hours. Typical use: {@code not: { business-hours: {} }} before an
 * automatic reply. An example of a compiled-in plugin: a CDI bean, found at build time.
 */
@jakarta.inject.Singleton
public class BusinessHoursCondition implements ConditionPlugin {

    static final List<String> KEYS = List.of("zone", "days", "hours");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    @Override
    public String name() {
        return "business-hours";
    }

    @Override
    public String summary() {
        return "the message arrived in office hours: { zone: Asia/Shanghai, days: mon-fri, hours: \"09:00-18:00\" }";
    }

    @Override
    public Condition compile(ConfigNode config, CompileContext context) throws ConfigException {
        if (config.isEmpty()) {
            return new OfficeHours(ZoneId.of("Asia/Shanghai"), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    LocalTime.of(9, 0), LocalTime.of(18, 0), "mon-fri 09:00-18:00");
        }
        config.asMap("business-hours settings such as { zone: Asia/Shanghai, days: mon-fri, hours: \"09:00-18:00\" }");
        config.checkKeys("business-hours", KEYS);
        ZoneId zone = config.get("zone") == null ? ZoneId.of("Asia/Shanghai") : zone(config.get("zone"));
        Set<DayOfWeek> days = config.get("days") == null
                ? EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY) : WeekDays.parse(config.get("days"));
        ConfigNode hoursNode = config.get("hours");
        String hours = hoursNode == null ? "09:00-18:00" : hoursNode.asNonBlank("office hours such as 09:00-18:00").strip();
        Matcher m = HOURS.matcher(hours);
        LocalTime start = m.matches() ? time(m.group(1), m.group(2), false) : null;
        LocalTime end = m.matches() ? time(m.group(3), m.group(4), true) : null;
        if (start == null || end == null) {
            throw hoursNode.error("bad hours '" + hours + "': write HH:MM-HH:MM such as 09:00-18:00 (24-hour clock)");
        }
        if (!end.equals(LocalTime.MAX) && !end.isAfter(start)) {
            throw hoursNode.error("bad hours '" + hours + "': the end must be after the start (hours cannot cross midnight)");
        }
        String shownDays = config.get("days") == null ? "mon-fri" : WeekDays.show(days);
        return new OfficeHours(zone, days, start, end, shownDays + " " + hours);
    }

    private static ZoneId zone(ConfigNode node) throws ConfigException {
        String id = node.asNonBlank("a time zone such as Asia/Shanghai").strip();
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw node.error("unknown time zone '" + id + "': use a region name such as Asia/Shanghai or Europe/Berlin");
        }
    }

    /** A time of day, or null when out of range; 24:00 is allowed as an end (midnight at the end of the day). */
    private static LocalTime time(String h, String m, boolean isEnd) {
        int hour = Integer.parseInt(h);
        int minute = Integer.parseInt(m);
        if (isEnd && hour == 24 && minute == 0) {
            return LocalTime.MAX;
        }
        return hour < 24 && minute < 60 ? LocalTime.of(hour, minute) : null;
    }
}
