package io.mailwarden.backup.format;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads bytes line by line, line endings kept, counting lines and offsets for error messages. The current
 * line is a view, {@code bytes[start, start + length)}, valid until the next call: lines of bytes held in
 * memory are never copied; a line of a stream longer than the buffer comes in several pieces, so memory
 * stays bounded whatever the input holds.
 */
final class LineInput {

    private static final int BUFFER = 256 * 1024;

    private final InputStream in;
    private final byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    /** The current piece: {@code bytes[start, start + length)}. */
    byte[] bytes;
    int start;
    int length;
    /** Whether the piece starts a line. */
    boolean lineStart;
    /** Whether the piece ends its line (with its line break, or at the end of the input). */
    boolean lineEnd = true;
    long number;
    long offset;
    private long nextOffset;

    LineInput(InputStream in) {
        this.in = in;
        this.buf = new byte[BUFFER];
    }

    /** The lines of {@code all}, without copying them. */
    LineInput(byte[] all) {
        this.in = null;
        this.buf = all;
        this.limit = all.length;
        this.eof = true;
    }

    /** Reads the next line or piece of a line; false at the end of the input. */
    boolean next() throws IOException {
        lineStart = lineEnd;
        offset = nextOffset;
        int scan = pos;
        while (true) {
            int nl = scan;
            while (nl < limit && buf[nl] != '\n') {
                nl++;
            }
            if (nl < limit) {
                return piece(nl + 1, true);
            }
            if (eof) {
                return pos < limit && piece(limit, true);
            }
            if (pos > 0) { // keep the partial line, make room behind it
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            if (limit == buf.length) {
                return piece(limit, false); // a line longer than the buffer: this piece, the rest next
            }
            scan = limit;
            int n = in.read(buf, limit, buf.length - limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }

    private boolean piece(int end, boolean ends) {
        bytes = buf;
        start = pos;
        length = end - pos;
        lineEnd = ends;
        pos = end;
        nextOffset += length;
        if (lineStart) {
            number++;
        }
        return true;
    }

    /** Whether the current piece is a whole line, empty but for its line ending. */
    boolean blank() {
        return lineStart && lineEnd && ((length == 1 && bytes[start] == '\n')
                || (length == 2 && bytes[start] == '\r' && bytes[start + 1] == '\n'));
    }

    /** Whether the current piece starts a line matching {@code >*From }. */
    boolean fromLine() {
        return lineStart && MboxFiles.isFromLine(bytes, start, start + length);
    }
}
