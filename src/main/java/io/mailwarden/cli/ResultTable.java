package io.mailwarden.cli;

import io.mailwarden.message.Address;
import io.mailwarden.search.Hit;
import io.mailwarden.search.SearchPage;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A page of hits as a compact table: date, from, subject, folder; Chinese characters count two columns. */
final class ResultTable {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());
    private static final int FROM_WIDTH = 24;
    private static final int SUBJECT_WIDTH = 50;

    private ResultTable() {
    }

    static void print(SearchPage page, PrintWriter out) {
        for (Hit h : page.hits()) {
            out.println(String.join("  ", h.date() == null ? " ".repeat(16) : DATE.format(h.date()),
                    fit(sender(h.from()), FROM_WIDTH), fit(h.subject(), SUBJECT_WIDTH), h.folder()));
        }
        int shown = page.hits().size();
        out.printf("%s%d of %s%d hit(s) in %d ms%n", shown == 0 ? "" : (page.offset() + 1) + "-",
                page.offset() + shown, page.exact() ? "" : "at least ", page.total(), page.tookMillis());
    }

    private static String sender(List<Address> from) {
        if (from.isEmpty()) {
            return "";
        }
        Address a = from.getFirst();
        return a.name().isBlank() ? a.address() : a.name();
    }

    /** The text cut or padded to exactly {@code width} terminal columns. */
    static String fit(String text, int width) {
        StringBuilder sb = new StringBuilder();
        int used = 0;
        String clean = text.replaceAll("\\s+", " ").strip();
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            int w = columns(cp);
            boolean last = i + Character.charCount(cp) >= clean.length();
            if (used + w > width || (!last && used + w > width - 1)) {
                sb.append('…');
                used++;
                break;
            }
            sb.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return sb.append(" ".repeat(Math.max(0, width - used))).toString();
    }

    /** East Asian wide and full-width characters take two terminal columns. */
    static int columns(int cp) {
        boolean wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) || (cp >= 0x20000 && cp <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
