package io.mailwarden.message.parse;

/**
 * Scanning of HTML as mail and web pages carry it, in time linear in its length. Regular expressions with a lazy
 * or unbounded part ({@code <[^>]*>}, {@code <script.*?</script>}) search to the end of the text from every start
 * that is never closed, so a few megabytes of {@code <} took hours; these scans remember what they did not find
 * instead. Names match case-insensitively in ASCII, as HTML's do and as the expressions did.
 */
public final class Markup {

    private Markup() {
    }

    /** {@code s} with A–Z lower-cased and nothing else changed, so that positions in one are positions in the other. */
    public static String asciiLower(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    /**
     * Where the first end tag {@code </name>} (white space allowed before the {@code >}) at or after {@code from}
     * starts and ends, in {@code lower} (see {@link #asciiLower}); null when there is none.
     */
    public static int[] endTag(String lower, String name, int from) {
        String prefix = "</" + name;
        for (int i = lower.indexOf(prefix, from); i >= 0; i = lower.indexOf(prefix, i + 1)) {
            int j = skipSpaces(lower, i + prefix.length());
            if (j < lower.length() && lower.charAt(j) == '>') {
                return new int[] {i, j + 1};
            }
        }
        return null;
    }

    /** {@code html} with each tag, from a {@code <} to the next {@code >}, replaced by {@code replacement}. */
    public static String replaceTags(String html, String replacement) {
        return replaceSpans(html, '<', '>', replacement);
    }

    /**
     * {@code s} with each span from an {@code open} character to the next {@code close} replaced by
     * {@code replacement}: what {@code Pattern.compile("<[^>]*>").matcher(s).replaceAll(r)} gives, for any pair.
     */
    public static String replaceSpans(String s, char open, char close, String replacement) {
        StringBuilder out = new StringBuilder(s.length());
        int pos = 0;
        for (int start = s.indexOf(open); start >= 0; start = s.indexOf(open, pos)) {
            int end = s.indexOf(close, start + 1);
            if (end < 0) {
                break; // no span ends after this point
            }
            out.append(s, pos, start).append(replacement);
            pos = end + 1;
        }
        return out.append(s, pos, s.length()).toString();
    }

    /** The first index at or after {@code i} that is not white space as regular expressions' {@code \s} means it. */
    static int skipSpaces(String s, int i) {
        while (i < s.length() && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Whether {@code c} is white space as regular expressions' {@code \s} means it. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /** Whether {@code c} is a word character of regular expressions ({@code \w}: ASCII letters, digits, _). */
    public static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** Whether {@code lower} has {@code name} at {@code i} followed by a word boundary (regular expressions' {@code \b}). */
    static boolean nameAt(String lower, int i, String name) {
        int end = i + name.length();
        return lower.startsWith(name, i) && (end == lower.length() || !isWordChar(lower.charAt(end)));
    }
}
