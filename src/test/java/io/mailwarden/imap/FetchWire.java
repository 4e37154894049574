package io.mailwarden.imap;

import io.mailwarden.testing.exmail.Transcript;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a proxy transcript says about message fetches: which data items were asked for, and how many octets came back. */
final class FetchWire {

    /** Items that fetch (part of) the body, or set \Seen: BODY[...] without PEEK, RFC822, RFC822.TEXT, BODY.PEEK[] and [TEXT]. */
    private static final Pattern BODY_ITEM = Pattern.compile(
            "BODY\\[|RFC822(?![.]SIZE|[.]HEADER)|BODY[.]PEEK\\[(?!HEADER\\])", Pattern.CASE_INSENSITIVE);
    private static final Pattern OCTETS = Pattern.compile("<(\\d+) octets>");

    private FetchWire() {
    }

    /** The FETCH commands the client sent. */
    static List<String> fetches(Transcript t) {
        return t.clientLines().stream().filter(l -> l.toUpperCase().contains(" FETCH ")).toList();
    }

    /** The FETCH commands that read a body or could set \Seen. */
    static List<String> bodyFetches(Transcript t) {
        return fetches(t).stream().filter(l -> BODY_ITEM.matcher(l).find()).toList();
    }

    /** The octets of every FETCH response the server sent: the lines and their literals. */
    static long fetchedOctets(Transcript t) {
        long n = 0;
        for (String l : t.serverLines()) {
            if (l.contains(" FETCH ")) {
                Matcher m = OCTETS.matcher(l);
                n += m.replaceAll("").length() + 2; // the line and its CRLF
                for (m.reset(); m.find(); ) {
                    n += Long.parseLong(m.group(1));
                }
            }
        }
        return n;
    }
}
