package io.mailwarden.archive.extract;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Checks the guard on every read, so a parse that reads input stops at the deadline; when counting, the
 * bytes read are charged to the expanded-size budget (streams unpacked from archives and documents).
 */
final class GuardedStream extends FilterInputStream {

    private final Guard guard;
    private final boolean counting;

    GuardedStream(InputStream in, Guard guard, boolean counting) {
        super(in);
        this.guard = guard;
        this.counting = counting;
    }

    @Override
    public int read() throws IOException {
        guard.tick();
        int b = super.read();
        if (b >= 0 && counting) {
            guard.expanded(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        guard.tick();
        int n = super.read(b, off, len);
        if (n > 0 && counting) {
            guard.expanded(n);
        }
        return n;
    }

    /**
     * No marks: a detector's mark and reset would otherwise reach the stream below and the bytes read
     * again be charged twice. Tika buffers a stream without marks above this one instead.
     */
    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public long skip(long n) throws IOException {
        guard.tick();
        if (!counting) {
            return super.skip(n);
        }
        // read instead of skip: skipped bytes of an archive entry are unpacked all the same
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }

    /** Reads to the end, so that what a parser left unread is charged to the budget too. */
    void drain() throws IOException {
        while (skip(1 << 16) > 0) {
            // charged in read
        }
    }
}
