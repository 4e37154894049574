package io.mailwarden.message.parse;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reduces an HTML body to the text a reader sees, for matching and indexing. */
public final class HtmlText {

    private static final Pattern INVISIBLE = Pattern.compile(
            "(?is)<!--.*?-->|<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern BREAK = Pattern.compile("(?i)<(br|/p|/div|/tr|/h[1-6]|li|/li|hr)\\b[^>]*>");
    private static final Pattern CELL = Pattern.compile("(?i)</t[dh]\\s*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
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

    public static String toText(String html) {
        String s = INVISIBLE.matcher(html).replaceAll(" ");
        s = s.replaceAll("[\\r\\n\\t]+", " "); // line breaks in the source are spaces; only tags break lines
        s = BREAK.matcher(s).replaceAll("\n");
        s = CELL.matcher(s).replaceAll("\t");
        s = TAG.matcher(s).replaceAll("");
        s = decodeEntities(s);
        return s.replaceAll("[ \\t\\u00a0]+", " ").replaceAll(" ?\\n[ \\n]*", "\n").strip();
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
