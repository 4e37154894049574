package io.mailwarden.archive.linked;

import io.mailwarden.message.parse.Markup;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds elements in a download page in time linear in the page ({@link Markup}): the regular expressions this replaces
 * took 22 seconds on a 100 KB page of unclosed elements, and a page may have 4 MB.
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
        this.lower = Markup.asciiLower(text);
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
            int[] end = Markup.endTag(lower, name, start + 1 + name.length());
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
            while (nameEnd < lower.length() && Markup.isWordChar(lower.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd == open + 1) {
                pos = open + 1; // not a tag
                continue;
            }
            int close = lower.indexOf('>', nameEnd);
            if (close < 0) {
                return Optional.empty(); // no complete tag after this point
            }
            if (!isErrorClass(text.substring(nameEnd, close))) {
                pos = close + 1;
                continue;
            }
            tried++;
            int[] end = Markup.endTag(lower, lower.substring(open + 1, nameEnd), close + 1);
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
        int[] end = close < 0 ? null : Markup.endTag(lower, "title", close + 1);
        return end == null ? Optional.empty() : Optional.of(text.substring(close + 1, end[0]));
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
}
