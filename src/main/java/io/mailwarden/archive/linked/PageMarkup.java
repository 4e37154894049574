package io.mailwarden.archive.linked;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds elements in a download page by plain scanning, in time linear in the page. The regular expressions this
 * replaces ({@code <script.*?</script\s*>}, {@code <(\w+)[^>]*class=…>(.*?)</\1\s*>}) searched to the end of the
 * page from every start of an element that is never closed: a 100 KB page of such starts took 22 seconds, the
 * 4 MB a page may have would hold a download thread for hours. Tag and element names match case-insensitively
 * (ASCII), as HTML's do.
 */
final class PageMarkup {

    /** How many error-looking elements are tried: each unclosed one costs a scan to the end of the page. */
    private static final int MAX_CANDIDATES = 32;
    private static final Pattern ERROR_CLASS = Pattern.compile(
            "\\bclass\\s*=\\s*[\"']([^\"']*)", Pattern.CASE_INSENSITIVE);

    private final String text;
    /** {@link #text} with A–Z lower-cased, so that positions in one are positions in the other. */
    private final String lower;

    PageMarkup(String text) {
        this.text = text;
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        this.lower = new String(chars);
    }

    /** The page with each script and style element (up to its end tag) replaced by a space. */
    String withoutScripts() {
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        int script = lower.indexOf("<script");
        int style = lower.indexOf("<style");
        while (script >= 0 || style >= 0) {
            boolean isScript = style < 0 || script >= 0 && script < style;
            int start = isScript ? script : style;
            String name = isScript ? "script" : "style";
            int[] end = endTag(name, start + 1 + name.length());
            if (end == null) {
                // no end tag after this start, so none after any later start either
                if (isScript) {
                    script = -1;
                } else {
                    style = -1;
                }
                continue;
            }
            out.append(text, pos, start).append(' ');
            pos = end[1];
            script = script >= 0 && script < pos ? lower.indexOf("<script", pos) : script;
            style = style >= 0 && style < pos ? lower.indexOf("<style", pos) : style;
        }
        return out.append(text, pos, text.length()).toString();
    }

    /**
     * The contents (markup included) of the elements whose class names an error or an info bar, in page
     * order, as long as {@code accept} rejects them; the first accepted.
     */
    Optional<String> errorElement(Predicate<String> accept) {
        int pos = 0;
        for (int tried = 0; tried < MAX_CANDIDATES; ) {
            int open = lower.indexOf('<', pos);
            if (open < 0) {
                return Optional.empty();
            }
            int nameEnd = open + 1;
            while (nameEnd < lower.length() && isWordChar(lower.charAt(nameEnd))) {
                nameEnd++;
            }
            int close = lower.indexOf('>', nameEnd);
            if (close < 0) {
                return Optional.empty(); // no complete tag after this point
            }
            if (nameEnd == open + 1 || !isErrorClass(text.substring(nameEnd, close))) {
                pos = nameEnd == open + 1 ? open + 1 : close + 1;
                continue;
            }
            tried++;
            int[] end = endTag(lower.substring(open + 1, nameEnd), close + 1);
            if (end == null) {
                pos = close + 1;
                continue;
            }
            String content = text.substring(close + 1, end[0]);
            if (accept.test(content)) {
                return Optional.of(content);
            }
            pos = end[1];
        }
        return Optional.empty();
    }

    /** The contents of the page's title element, if it has one. */
    Optional<String> title() {
        int open = lower.indexOf("<title");
        int close = open < 0 ? -1 : lower.indexOf('>', open);
        int[] end = close < 0 ? null : endTag("title", close + 1);
        return end == null ? Optional.empty() : Optional.of(text.substring(close + 1, end[0]));
    }

    /** {@code html} with each tag ({@code <} to the next {@code >}) replaced by a space. */
    static String withoutTags(String html) {
        StringBuilder out = new StringBuilder(html.length());
        int pos = 0;
        for (int open = html.indexOf('<'); open >= 0; open = html.indexOf('<', pos)) {
            int close = html.indexOf('>', open);
            if (close < 0) {
                break; // no tag closes after this point
            }
            out.append(html, pos, open).append(' ');
            pos = close + 1;
        }
        return out.append(html, pos, html.length()).toString();
    }

    /** Where the first {@code </name>} (spaces allowed before the {@code >}) at or after {@code from} starts and ends. */
    private int[] endTag(String name, int from) {
        String prefix = "</" + name;
        for (int i = lower.indexOf(prefix, from); i >= 0; i = lower.indexOf(prefix, i + 1)) {
            int j = i + prefix.length();
            while (j < lower.length() && isSpace(lower.charAt(j))) {
                j++;
            }
            if (j < lower.length() && lower.charAt(j) == '>') {
                return new int[] {i, j + 1};
            }
        }
        return null;
    }

    private static boolean isErrorClass(String attributes) {
        Matcher m = ERROR_CLASS.matcher(attributes);
        while (m.find()) {
            String classes = m.group(1).toLowerCase(Locale.ROOT);
            if (classes.contains("error") || classes.contains("infobar")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c >= 'A' && c <= 'Z';
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
