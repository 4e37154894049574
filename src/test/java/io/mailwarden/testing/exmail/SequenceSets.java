package io.mailwarden.testing.exmail;

import java.util.regex.Pattern;

/** Exmail answers BAD to a sequence set with a descending range ({@code 1593:1580}). */
public final class SequenceSets {

    private static final Pattern SET = Pattern.compile("[0-9*][0-9*:,]*");

    private SequenceSets() {
    }

    /** True if {@code text} is a sequence set. */
    public static boolean isSet(String text) {
        return text != null && SET.matcher(text).matches();
    }

    /**
     * True if some range in the set runs downwards. {@code *} counts as the largest number, so
     * {@code *:5} is descending too (RFC 3501 allows it; Exmail's reaction is not known).
     */
    public static boolean isDescending(String set) {
        if (!isSet(set)) {
            return false;
        }
        for (String part : set.split(",")) {
            int colon = part.indexOf(':');
            if (colon > 0 && value(part.substring(0, colon)) > value(part.substring(colon + 1))) {
                return true;
            }
        }
        return false;
    }

    private static long value(String number) {
        if (number.equals("*")) {
            return Long.MAX_VALUE;
        }
        try {
            return Long.parseLong(number);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
