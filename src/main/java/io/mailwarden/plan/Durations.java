package io.mailwarden.plan;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations the way admins write them: {@code 30d}, {@code 12h}, {@code 2w}, {@code 90m}, {@code 45s}. */
public final class Durations {

    private static final Pattern FORM = Pattern.compile("(\\d+)\\s*(s|m|h|d|w)");

    private Durations() {
    }

    /** The duration, or null when the text is not of that form. */
    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s % (7 * 86400) == 0 && s > 0) {
            return s / (7 * 86400) + "w";
        }
        if (s % 86400 == 0 && s > 0) {
            return s / 86400 + "d";
        }
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0 && s > 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
