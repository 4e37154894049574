package io.mailwarden.message.parse;

import jakarta.mail.internet.SharedInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A message's or a part's header section as Jakarta Mail's header parser reads it, cut at
 * {@link #MAX_BYTES}: past that the rest of the section is skipped, never held, and the parser sees the
 * section end there. Jakarta Mail keeps a header section whole in memory, several times over: a 50 MB
 * Subject took 480 MB of heap. The raw message is untouched; {@link #cut()} says whether anything was skipped.
 *
 * <p>Lines end as Jakarta Mail ends them ({@code LF}, {@code CRLF}, {@code CR CR LF} or a lone {@code CR}),
 * and a line that is empty ends the section. Reads never go past the byte asked for, so when the parser stops,
 * the stream below stands exactly at the body; from there on it passes through.
 */
class HeaderSectionInput extends InputStream {

    /** Header bytes a message or part may have before the rest of its header section is skipped. */
    static final int MAX_BYTES = 1 << 20;
    private static final int MAX_BLANKS = 1000;
    static final String CUT = "header section over 1 MB: the rest of it was not read (the message is kept whole)";

    private static final int START = 0; // at a line's start
    private static final int MID = 1;
    private static final int CR = 2; // after a CR that ended a line's text
    private static final int CR_CR = 3;
    private static final int ENDED = 4; // at or past the section's empty line: bytes pass through

    final InputStream in;
    private final boolean markable; // asked once: the parser asks after every CR
    private final long max;
    private long seen;
    private int state = START;
    private byte[] tail; // after a cut, the line end that closes the line the parser has begun
    private int tailAt;
    private boolean cut;
    private boolean blanksSkipped;
    private long markedSeen;
    private int markedState;
    private int markedTailAt;

    HeaderSectionInput(InputStream in, long max) {
        this.in = in;
        this.markable = in.markSupported();
        this.max = max;
    }

    /** The section at the start of {@code in}, shared (the parsers then refer to its bytes) when {@code in} is. */
    static HeaderSectionInput of(InputStream in) {
        return of(in, MAX_BYTES);
    }

    static HeaderSectionInput of(InputStream in, long max) {
        return in instanceof SharedInputStream ? new Shared(in, max) : new HeaderSectionInput(in, max);
    }

    /** Whether part of the section was skipped. */
    boolean cut() {
        return cut;
    }

    @Override
    public int read() throws IOException {
        if (tail != null && tailAt < tail.length) {
            return tail[tailAt++];
        }
        if (state == ENDED) {
            return in.read();
        }
        if (seen == 0 && !blanksSkipped) {
            blanksSkipped = true;
            skipBlankLines();
        }
        // cut only where the parser is not between a CR and what follows it
        if (seen >= max && (state == START || state == MID) && markable) {
            skipRest();
            return read();
        }
        int b = in.read();
        if (b >= 0) {
            seen++;
            state = next(state, b);
        }
        return b;
    }

    /** One byte at a time: reading ahead would take body bytes from under the parser. */
    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int c = read();
        if (c < 0) {
            return -1;
        }
        b[off] = (byte) c;
        return 1;
    }

    private static int next(int state, int b) {
        return switch (state) {
            case START -> b == '\n' || b == '\r' ? ENDED : MID;
            case CR -> b == '\n' ? START : b == '\r' ? CR_CR : MID; // a lone CR ended the line: b starts the next
            case CR_CR -> b == '\n' ? START : ENDED; // CR CR LF ends one line; otherwise the second CR is an empty line
            default -> b == '\n' ? START : b == '\r' ? CR : MID;
        };
    }

    /**
     * Skips the lines of spaces and tabs that open the section. Jakarta Mail ignores such a line, but with a folded
     * line after it, it threw {@code IndexOutOfBoundsException} and lost the message's headers, or every part of a
     * multipart. A line is only skipped whole, up to {@link #MAX_BLANKS} blanks.
     */
    private void skipBlankLines() throws IOException {
        if (!markable) {
            return;
        }
        while (true) {
            in.mark(MAX_BLANKS + 3);
            int blanks = 0;
            int b = in.read();
            while ((b == ' ' || b == '\t') && blanks < MAX_BLANKS) {
                blanks++;
                b = in.read();
            }
            if (blanks == 0 || (b != '\n' && b != '\r')) {
                in.reset();
                return;
            }
            if (b == '\r') {
                in.mark(2);
                int c = in.read();
                if (c == '\r') {
                    c = in.read();
                }
                if (c != '\n') {
                    in.reset(); // a lone CR ends the line, as Jakarta Mail reads it
                }
            }
        }
    }

    /**
     * Skips the rest of the section up to its empty line, which the parser then reads itself, after a line end
     * that closes the line it has begun.
     */
    private void skipRest() throws IOException {
        cut = true;
        tail = state == MID ? new byte[] {'\r', '\n'} : new byte[0];
        tailAt = 0;
        int s = state;
        while (true) {
            if (s == START || s == CR) {
                in.mark(2);
            }
            int b = in.read();
            if (b < 0) {
                break;
            }
            int n = next(s, b);
            if (n == ENDED) {
                in.reset(); // to the empty line: before this byte, or before the second of two CRs
                break;
            }
            s = n;
        }
        state = ENDED;
    }

    @Override
    public boolean markSupported() {
        return markable;
    }

    @Override
    public void mark(int limit) {
        in.mark(limit);
        markedSeen = seen;
        markedState = state;
        markedTailAt = tailAt;
    }

    /** The parser marks only after a CR and resets within the line end, so a reset never reaches back over a cut. */
    @Override
    public void reset() throws IOException {
        in.reset();
        seen = markedSeen;
        state = markedState;
        tailAt = markedTailAt;
    }

    /** Over a shared stream: the position and the substreams are the stream's own. */
    private static final class Shared extends HeaderSectionInput implements SharedInputStream {

        Shared(InputStream in, long max) {
            super(in, max);
        }

        @Override
        public long getPosition() {
            return ((SharedInputStream) in).getPosition();
        }

        @Override
        public InputStream newStream(long start, long end) {
            return ((SharedInputStream) in).newStream(start, end);
        }
    }
}
