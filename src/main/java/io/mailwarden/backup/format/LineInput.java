package io.mailwarden.backup.format;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a byte stream line by line, line endings kept, counting lines and offsets for error messages. */
final class LineInput {

    private final InputStream in;
    private final byte[] buf = new byte[256 * 1024];
    private int pos;
    private int limit;
    /** The current line, {@code line[0..length)}, with its line ending. */
    byte[] line = new byte[1024];
    int length;
    long number;
    long offset;
    private long nextOffset;

    LineInput(InputStream in) {
        this.in = in;
    }

    /** Reads the next line; false at the end of the stream. */
    boolean next() throws IOException {
        length = 0;
        offset = nextOffset;
        while (true) {
            if (pos == limit) {
                limit = in.read(buf);
                pos = 0;
                if (limit <= 0) {
                    limit = 0;
                    break;
                }
            }
            int nl = pos;
            while (nl < limit && buf[nl] != '\n') {
                nl++;
            }
            int end = nl < limit ? nl + 1 : limit;
            append(end - pos);
            boolean done = nl < limit;
            pos = end;
            if (done) {
                break;
            }
        }
        nextOffset += length;
        if (length == 0) {
            return false;
        }
        number++;
        return true;
    }

    /** Whether the current line is empty but for its line ending. */
    boolean blank() {
        return (length == 1 && line[0] == '\n') || (length == 2 && line[0] == '\r' && line[1] == '\n');
    }

    private void append(int n) {
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
        }
        System.arraycopy(buf, pos, line, length, n);
        length += n;
    }
}
