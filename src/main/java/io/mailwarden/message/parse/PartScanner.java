package io.mailwarden.message.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the parts of a multipart body where Jakarta Mail's {@code MimeMultipart} finds them, as byte ranges, in
 * one pass with a bounded buffer. {@code MimeMultipart} reads the lines before the first boundary and each part's
 * header lines into memory, so one line of a few hundred megabytes filled the heap; here no line is held.
 *
 * <p>Jakarta Mail's rules, kept: lines end at LF, CRLF, CR CR LF or a lone CR; the opening boundary line is the
 * boundary with trailing spaces or tabs (or, with no boundary given, the first line starting with {@code --} that
 * is not all dashes, which then is the boundary); a part's header section runs to its first empty line, even past
 * a boundary; a part's body ends before the line end that precedes a boundary (or at a boundary right where the
 * body starts), and the boundary must be followed by {@code --} (the last one), or by spaces or tabs and a line end.
 */
final class PartScanner {

    /** A part, headers included: the stream's bytes from {@code start} up to {@code end}. */
    record Range(long start, long end) {
    }

    /** The parts, whether the closing boundary was found, and whether parts past the limit were left unread. */
    record Parts(List<Range> ranges, boolean complete, boolean more) {
    }

    /** A guessed boundary longer than this is taken for text: RFC 2046 allows 70 characters. */
    private static final int MAX_GUESSED = 998;

    private final InputStream in;
    private byte[] buf;
    private long base; // the stream offset of buf[0]
    private int lim;
    private int at;
    private boolean eof;

    private PartScanner(InputStream in, long from, int bufferSize) {
        this.in = in;
        this.base = from;
        this.buf = new byte[bufferSize];
    }

    /**
     * @param body the multipart body, read from here on
     * @param from the offset in the body {@code body} stands at, which the ranges count from
     * @param boundary the boundary parameter, or null to take the first line that looks like one
     * @param limit the most parts to find
     */
    static Parts scan(InputStream body, long from, String boundary, int limit) throws IOException {
        return scan(body, from, boundary, limit, 64 * 1024);
    }

    /**
     * @param limit the most parts to find
     * @param bufferSize the buffer to start with (it grows for a long boundary)
     */
    static Parts scan(InputStream body, long from, String boundary, int limit, int bufferSize) throws IOException {
        return new PartScanner(body, from, bufferSize).parts(boundary, limit);
    }

    private Parts parts(String boundary, int limit) throws IOException {
        byte[] bnd = openingBoundary(boundary);
        List<Range> ranges = new ArrayList<>();
        if (bnd == null) {
            return new Parts(ranges, true, false); // no opening boundary, or only the closing one
        }
        while (true) {
            if (ranges.size() == limit) {
                return new Parts(ranges, true, true);
            }
            long start = pos();
            if (!skipHeaderLines()) {
                return new Parts(ranges, false, false); // no body: Jakarta Mail drops such a part
            }
            long bodyStart = pos();
            boolean lineStart = true;
            while (true) {
                if (!available(bnd.length)) {
                    ranges.add(new Range(start, base + lim)); // the body runs to the end of the stream
                    return new Parts(ranges, false, false);
                }
                if (lineStart && matches(bnd)) {
                    long p = pos();
                    long end = p == bodyStart ? p : p - eolBefore(p, bodyStart);
                    int trailer = trailer(bnd.length);
                    if (trailer < 0) {
                        ranges.add(new Range(start, end));
                        return new Parts(ranges, true, false);
                    }
                    if (trailer > 0) {
                        ranges.add(new Range(start, end));
                        break;
                    }
                    lineStart = false; // not a boundary: scan on from the byte that said so
                    continue;
                }
                // on to the next line start: only there can a boundary stand
                byte[] b = buf;
                int i = at;
                int l = lim;
                while (i < l && b[i] != '\n' && b[i] != '\r') {
                    i++;
                }
                lineStart = i < l;
                at = lineStart ? i + 1 : l;
            }
        }
    }

    /** Reads the lines up to the opening boundary; its bytes, or null when there is none (or only the closing one). */
    private byte[] openingBoundary(String boundary) throws IOException {
        byte[] bnd = boundary == null ? null : ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // a line's first bytes, as many as a boundary and "--" take; the rest only needs to be classified
        int keep = (bnd == null ? MAX_GUESSED : bnd.length + 2) + 1;
        byte[] head = new byte[keep];
        while (available(1)) {
            int kept = 0;
            long length = 0;
            long trimmed = 0; // the length without trailing spaces and tabs
            int b;
            while ((b = next()) >= 0 && b != '\n' && b != '\r') {
                if (kept < keep) {
                    head[kept++] = (byte) b;
                }
                length++;
                if (b != ' ' && b != '\t') {
                    trimmed = length;
                }
            }
            if (b == '\r') {
                endOfCr();
            }
            if (bnd != null) {
                if (trimmed == bnd.length && startsWith(head, kept, bnd)) {
                    return bnd;
                }
                if (trimmed == bnd.length + 2 && startsWith(head, kept, bnd) && head[bnd.length] == '-'
                        && head[bnd.length + 1] == '-') {
                    return null;
                }
            } else if (trimmed > 2 && trimmed <= MAX_GUESSED && head[0] == '-' && head[1] == '-'
                    && !(trimmed > 4 && allDashes(head, (int) trimmed))) {
                return Arrays.copyOf(head, (int) trimmed);
            }
        }
        return null;
    }

    /** Skips lines up to an empty one, as Jakarta Mail skips a part's headers; false at the end of the stream. */
    private boolean skipHeaderLines() throws IOException {
        while (true) {
            if (!available(1)) {
                return false;
            }
            int length = 0;
            int b;
            while ((b = next()) >= 0 && b != '\n' && b != '\r') {
                length = 1;
            }
            if (b == '\r') {
                endOfCr();
            }
            if (length == 0 && b >= 0) {
                return true;
            }
            if (b < 0) {
                return false; // a last line without its end, then nothing
            }
        }
    }

    /** After a CR: a LF, or CR LF, belongs to the same line end. */
    private void endOfCr() throws IOException {
        if (peek(0) == '\n') {
            at++;
        } else if (peek(0) == '\r' && peek(1) == '\n') {
            at += 2;
        }
    }

    /**
     * Reads what follows a boundary at the cursor: -1 for {@code --} (the last boundary), 1 for spaces or tabs and a
     * line end; 0 when it is not a boundary, with the cursor on the byte that says so (no line starts before it).
     */
    private int trailer(int length) throws IOException {
        at += length;
        int b = peek(0);
        if (b == '-' && peek(1) == '-') {
            at += 2;
            return -1;
        }
        while (b == ' ' || b == '\t') {
            at++;
            b = peek(0);
        }
        if (b == '\n') {
            at++;
            return 1;
        }
        if (b == '\r') {
            at++;
            if (peek(0) == '\n') {
                at++;
            }
            return 1;
        }
        return 0;
    }

    /** The line end's length before a boundary at {@code p}: CR LF counts 2 only when both are in the body. */
    private int eolBefore(long p, long bodyStart) {
        int i = (int) (p - base);
        int b = buf[i - 1];
        if (b == '\r') {
            return 1;
        }
        return b == '\n' && p - 2 >= bodyStart && buf[i - 2] == '\r' ? 2 : 1;
    }

    private boolean matches(byte[] bnd) {
        return Arrays.equals(buf, at, at + bnd.length, bnd, 0, bnd.length);
    }

    private static boolean startsWith(byte[] head, int kept, byte[] bnd) {
        return kept >= bnd.length && Arrays.equals(head, 0, bnd.length, bnd, 0, bnd.length);
    }

    private static boolean allDashes(byte[] head, int length) {
        for (int i = 0; i < length; i++) {
            if (head[i] != '-') {
                return false;
            }
        }
        return true;
    }

    private long pos() {
        return base + at;
    }

    private int next() throws IOException {
        if (!available(1)) {
            return -1;
        }
        return buf[at++] & 0xff;
    }

    /** The byte {@code k} after the cursor, or -1 past the end. */
    private int peek(int k) throws IOException {
        return available(k + 1) ? buf[at + k] & 0xff : -1;
    }

    /**
     * Whether {@code n} bytes from the cursor are in the buffer, reading more as needed. Keeps two bytes before the
     * cursor, for the line end before a boundary.
     */
    private boolean available(int n) throws IOException {
        if (at + n <= lim) {
            return true;
        }
        if (eof) {
            return false;
        }
        int keep = Math.max(0, at - 2);
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, lim - keep);
            base += keep;
            lim -= keep;
            at -= keep;
        }
        if (at + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, at + n));
        }
        while (at + n > lim) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
                return false;
            }
            lim += r;
        }
        return true;
    }
}
