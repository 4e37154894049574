package io.mailwarden.rules.match;

import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes the way admins write them: {@code 500}, {@code 20KB}, {@code 5MB}, {@code 1.5M}, {@code 1G}. */
public final class Sizes {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmg]?)(?:i?b)?");

    private Sizes() {
    }

    public static long parse(ConfigNode node, String what) throws ConfigException {
        String s = node.asString("a size for " + what);
        try {
            return parse(s);
        } catch (IllegalArgumentException e) {
            throw node.error("expected a size such as 500KB or 5MB for " + what + ", found '"
                    + s.strip().toLowerCase(Locale.ROOT) + "'");
        }
    }

    /** A size written as an admin would; the exception's message quotes the text. */
    public static long parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 500KB or 5MB, found '" + s + "'");
        }
        double n = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2)) {
            case "k" -> 1024L;
            case "m" -> 1024L * 1024;
            case "g" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Math.round(n * unit);
    }

    public static String format(long bytes) {
        if (bytes >= 1024L * 1024 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + "MB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + "KB";
        }
        return bytes + " bytes";
    }
}
