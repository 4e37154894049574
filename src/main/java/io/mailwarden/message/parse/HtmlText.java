package io.mailwarden.message.parse;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reduces an HTML body to the text a reader sees, for matching and indexing. */
public final class HtmlText {

    /** Elements shown to nobody, replaced with their content by a space (as are comments). */
    private static final String[] INVISIBLE = {"script", "style", "head", "title"};
    /** Tags that end a line; the rest of the tag (attributes, a slash) goes with them. */
    private static final String[] BREAKS = {"br", "/p", "/div", "/tr", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "li",
        "/li", "hr"};
    private static final Pattern SOURCE_BREAKS = Pattern.compile("[\\r\\n\\t]+");
    private static final Pattern ENTITY = Pattern.compile("&(#[xX]?[0-9a-fA-F]+|[a-zA-Z]+);");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("nbsp", " "), Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
            Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("ensp", " "), Map.entry("emsp", " "),
            Map.entry("thinsp", " "), Map.entry("ldquo", "\u201c"), Map.entry("rdquo", "\u201d"),
            Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"), Map.entry("laquo", "\u00ab"),
            Map.entry("raquo", "\u00bb"), Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"),
            Map.entry("hellip", "\u2026"), Map.entry("middot", "\u00b7"), Map.entry("bull", "\u2022"),
            Map.entry("times", "\u00d7"), Map.entry("copy", "\u00a9"), Map.entry("reg", "\u00ae"),
            Map.entry("trade", "\u2122"), Map.entry("yen", "\u00a5"), Map.entry("euro", "\u20ac"),
            Map.entry("pound", "\u00a3"), Map.entry("cent", "\u00a2"), Map.entry("deg", "\u00b0"),
            Map.entry("zwnj", ""), Map.entry("zwj", ""), Map.entry("shy", ""));

    private HtmlText() {
    }

    /**
     * The text; linear in the length of {@code html} whatever its markup (see {@link Markup}): it runs on every HTML
     * part that arrives.
     */
    public static String toText(String html) {
        String s = withoutInvisible(html);
        s = SOURCE_BREAKS.matcher(s).replaceAll(" "); // line breaks in the source are spaces; only tags break lines
        s = lineBreaks(s);
        s = cellEnds(s);
        s = Markup.replaceTags(s, "");
        s = decodeEntities(s);
        return s.replaceAll("[ \\t\\u00a0]+", " ").replaceAll(" ?\\n[ \\n]*", "\n").strip();
    }

    /** Comments, and the {@link #INVISIBLE} elements with their content, each replaced by a space. */
    private static String withoutInvisible(String html) {
        String lower = Markup.asciiLower(html);
        StringBuilder out = new StringBuilder(html.length());
        boolean commentsEnd = true; // false once no "-->" follows: no later comment can end either
        boolean[] elementsEnd = {true, true, true, true}; // the same, per element name
        int pos = 0;
        for (int i = lower.indexOf('<'); i >= 0; i = lower.indexOf('<', i)) {
            int end = -1;
            if (commentsEnd && lower.startsWith("<!--", i)) {
                int close = lower.indexOf("-->", i + 4);
                commentsEnd = close >= 0;
                end = close < 0 ? -1 : close + 3;
            } else {
                for (int k = 0; k < INVISIBLE.length && end < 0; k++) {
                    if (elementsEnd[k] && Markup.nameAt(lower, i + 1, INVISIBLE[k])) {
                        int gt = lower.indexOf('>', i + 1 + INVISIBLE[k].length());
                        int[] endTag = gt < 0 ? null : Markup.endTag(lower, INVISIBLE[k], gt + 1);
                        elementsEnd[k] = endTag != null;
                        end = endTag == null ? -1 : endTag[1];
                    }
                }
            }
            if (end < 0) {
                i++;
                continue;
            }
            out.append(html, pos, i).append(' ');
            pos = end;
            i = end;
        }
        return out.append(html, pos, html.length()).toString();
    }

    /** Each {@link #BREAKS} tag replaced by a line break. */
    private static String lineBreaks(String s) {
        String lower = Markup.asciiLower(s);
        StringBuilder out = new StringBuilder(s.length());
        int pos = 0;
        for (int i = lower.indexOf('<'); i >= 0; i = lower.indexOf('<', i + 1)) {
            if (!isBreak(lower, i + 1)) {
                continue;
            }
            int gt = lower.indexOf('>', i + 1);
            if (gt < 0) {
                break; // no tag ends after this point
            }
            out.append(s, pos, i).append('\n');
            pos = gt + 1;
            i = gt;
        }
        return out.append(s, pos, s.length()).toString();
    }

    private static boolean isBreak(String lower, int nameStart) {
        for (String name : BREAKS) {
            if (Markup.nameAt(lower, nameStart, name)) {
                return true;
            }
        }
        return false;
    }

    /** Each end of a table cell ({@code </td>}, {@code </th>}) replaced by a tab. */
    private static String cellEnds(String s) {
        String lower = Markup.asciiLower(s);
        StringBuilder out = new StringBuilder(s.length());
        int pos = 0;
        for (int i = lower.indexOf("</t"); i >= 0 && i + 3 < lower.length(); i = lower.indexOf("</t", i + 1)) {
            char c = lower.charAt(i + 3);
            int gt = c == 'd' || c == 'h' ? Markup.skipSpaces(lower, i + 4) : -1;
            if (gt >= 0 && gt < lower.length() && lower.charAt(gt) == '>') {
                out.append(s, pos, i).append('\t');
                pos = gt + 1;
                i = gt;
            }
        }
        return out.append(s, pos, s.length()).toString();
    }

    static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder(s.length());
        while (m.find()) {
            String e = m.group(1);
            String rep;
            if (e.charAt(0) == '#') {
                try {
                    int cp = e.length() > 1 && (e.charAt(1) == 'x' || e.charAt(1) == 'X')
                            ? Integer.parseInt(e.substring(2), 16) : Integer.parseInt(e.substring(1));
                    rep = Character.isValidCodePoint(cp) ? Character.toString(cp) : m.group();
                } catch (NumberFormatException tooLong) {
                    rep = m.group();
                }
            } else {
                rep = NAMED.getOrDefault(e.toLowerCase(java.util.Locale.ROOT), m.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(rep));
        }
        m.appendTail(out);
        return out.toString();
    }
}
