package io.mailwarden.message.parse;

import jakarta.mail.internet.SharedInputStream;
import java.io.InputStream;
import java.util.Objects;

/**
 * A message's bytes as the shared stream Jakarta Mail parses, its parts being ranges of the same array: what
 * {@code SharedByteArrayInputStream} is, without its lock on every {@code read()}. Header sections are read a byte
 * at a time ({@link HeaderSectionInput}), and one parse never shares a stream between threads.
 */
final class SharedBytes extends InputStream implements SharedInputStream {

    private final byte[] bytes;
    private final int start;
    private final int end;
    private int pos;
    private int mark;

    SharedBytes(byte[] bytes) {
        this(bytes, 0, bytes.length);
    }

    private SharedBytes(byte[] bytes, int start, int end) {
        this.bytes = bytes;
        this.start = start;
        this.end = end;
        this.pos = start;
        this.mark = start;
    }

    @Override
    public int read() {
        return pos < end ? bytes[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (pos >= end) {
            return -1; // before looking at len, as ByteArrayInputStream does
        }
        int n = Math.min(len, end - pos);
        System.arraycopy(bytes, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public long skip(long n) {
        long k = Math.max(0, Math.min(n, end - pos));
        pos += (int) k;
        return k;
    }

    @Override
    public int available() {
        return end - pos;
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    @Override
    public void mark(int readLimit) {
        mark = pos;
    }

    @Override
    public void reset() {
        pos = mark;
    }

    @Override
    public long getPosition() {
        return pos - start;
    }

    /** The bytes from {@code from} to {@code to} (-1: the end), relative to this stream's start, as a new stream. */
    @Override
    public InputStream newStream(long from, long to) {
        if (from < 0) {
            throw new IllegalArgumentException("a stream cannot start before its start: " + from);
        }
        int newEnd = to == -1 ? end : (int) Math.min(end, start + to);
        int newStart = (int) Math.min(newEnd, start + from);
        return new SharedBytes(bytes, newStart, newEnd);
    }
}
