package io.mailwarden.backup.format;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * IMAP flags as the one-letter codes the formats keep: mbox {@code Status:} (R seen, O old) and
 * {@code X-Status:} (A answered, F flagged, T draft, D deleted), as c-client and mutt write them, and
 * Maildir info ({@code :2,} D draft, F flagged, P passed = $Forwarded, R replied, S seen, T trashed).
 */
final class FlagLetters {

    private static final Map<Character, String> X_STATUS = Map.of('A', "\\Answered", 'F', "\\Flagged", 'T', "\\Draft",
            'D', "\\Deleted");
    private static final Map<Character, String> MAILDIR = Map.of('D', "\\Draft", 'F', "\\Flagged", 'P', "$Forwarded",
            'R', "\\Answered", 'S', "\\Seen", 'T', "\\Deleted");

    private FlagLetters() {
    }

    /** The {@code Status:} value: R when seen, and always O (not new: it was delivered before). */
    static String status(Set<String> flags) {
        return has(flags, "\\Seen") ? "RO" : "O";
    }

    /** The {@code X-Status:} value, possibly empty. */
    static String xStatus(Set<String> flags) {
        return letters(flags, X_STATUS);
    }

    /** Flags from the {@code Status:} and {@code X-Status:} values (unknown letters are other tools' and ignored). */
    static Set<String> fromMbox(String status, String xStatus) {
        Set<String> out = new TreeSet<>();
        if (status.indexOf('R') >= 0) {
            out.add("\\Seen");
        }
        xStatus.chars().mapToObj(c -> X_STATUS.get((char) c)).filter(f -> f != null).forEach(out::add);
        return out;
    }

    /** The Maildir info letters, in ASCII order as the Maildir specification wants them. */
    static String maildir(Set<String> flags) {
        return letters(flags, MAILDIR);
    }

    /** Whether a flag is one of the Maildir letters (the others are keywords). */
    static boolean isMaildirLetter(String flag) {
        return MAILDIR.values().stream().anyMatch(f -> f.equalsIgnoreCase(flag));
    }

    /** Flags from Maildir info letters; lower-case letters are keywords, resolved by {@code keyword}. */
    static Set<String> fromMaildir(String info, java.util.function.IntFunction<String> keyword) {
        Set<String> out = new TreeSet<>();
        for (char c : info.toCharArray()) {
            String f = c >= 'a' && c <= 'z' ? keyword.apply(c - 'a') : MAILDIR.get(c);
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private static String letters(Set<String> flags, Map<Character, String> codes) {
        StringBuilder out = new StringBuilder();
        new TreeSet<>(codes.keySet()).forEach(c -> {
            if (has(flags, codes.get(c))) {
                out.append(c);
            }
        });
        return out.toString();
    }

    private static boolean has(Set<String> flags, String flag) {
        String f = flag.toLowerCase(Locale.ROOT);
        return flags.stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(f));
    }
}
