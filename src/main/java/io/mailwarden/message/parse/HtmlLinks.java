package io.mailwarden.message.parse;

import io.mailwarden.message.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links of an HTML body, which {@link HtmlText#toText} reduces to their text. Linear in the body's length
 * whatever its markup: this runs on every HTML arrival, and a message full of unclosed anchors or quotes must
 * not cost more than a well-formed one.
 */
final class HtmlLinks {

    /** An opening anchor with a target; a value stops at a tag bracket, so an unclosed quote costs one tag. */
    private static final Pattern OPEN = Pattern.compile(
            "<a\\s[^<>]*?\\bhref\\s*=\\s*(?:\"([^\"<>]*)\"|'([^'<>]*)'|([^\\s<>]+))[^<>]*>", Pattern.CASE_INSENSITIVE);
    /** A link's text longer than this is not kept (its target is). */
    private static final int MAX_TEXT = 2000;
    private static final int NONE = Integer.MAX_VALUE;

    private HtmlLinks() {
    }

    static List<Message.Link> of(String html) {
        List<Message.Link> out = new ArrayList<>();
        Matcher open = OPEN.matcher(html);
        int close = -1;
        while (open.find()) {
            if (close < open.end()) { // the next close tag is looked for once per stretch of the body
                close = closeTag(html, open.end());
            }
            String url = open.group(1) != null ? open.group(1) : open.group(2) != null ? open.group(2) : open.group(3);
            String text = close == NONE || close - open.end() > MAX_TEXT ? ""
                    : HtmlText.toText(untilNextAnchor(html.substring(open.end(), close)));
            out.add(new Message.Link(HtmlText.decodeEntities(url.strip()), text));
        }
        return List.copyOf(out);
    }

    /** An unclosed anchor's text ends where the next anchor starts (anchors do not nest). */
    private static String untilNextAnchor(String text) {
        for (int i = text.indexOf('<'); i >= 0 && i + 2 < text.length(); i = text.indexOf('<', i + 1)) {
            if ((text.charAt(i + 1) == 'a' || text.charAt(i + 1) == 'A') && Character.isWhitespace(text.charAt(i + 2))) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    /** Where the next {@code </a>} starts at or after {@code from}; {@link #NONE} when there is none. */
    private static int closeTag(String html, int from) {
        for (int i = html.indexOf('<', from); i >= 0 && i + 3 < html.length(); i = html.indexOf('<', i + 1)) {
            char after = html.charAt(i + 3);
            if (html.regionMatches(true, i, "</a", 0, 3) && (after == '>' || Character.isWhitespace(after))) {
                return i;
            }
        }
        return NONE;
    }
}
