package io.mailwarden.archive.index;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.apache.lucene.analysis.charfilter.BaseCharFilter;

/**
 * Removes a line break, with the spaces and tabs around it, between two Han characters: mail wraps
 * Chinese lines mid-word, and the break is not a word boundary. What the regular expression
 * {@code (?<=\p{IsHan})[ \t]*\r?\n[ \t]*(?=\p{IsHan})} replaced by nothing gives, offsets corrected the
 * same way, but found by looking only around each line break rather than trying the pattern at every
 * character (which cost more than tokenizing). One difference: a Han character outside the Basic
 * Multilingual Plane before the break counts as Han here (the pattern's look-behind saw half of it).
 */
final class HanWrapCharFilter extends BaseCharFilter {

    private char[] text;
    private int length;
    private int pos;

    HanWrapCharFilter(Reader in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        fill();
        return pos < length ? text[pos++] : -1;
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        fill();
        if (pos >= length) {
            return -1;
        }
        int n = Math.min(len, length - pos);
        System.arraycopy(text, pos, cbuf, off, n);
        pos += n;
        return n;
    }

    /** Reads the whole input once and removes the wraps in place. */
    private void fill() throws IOException {
        if (text != null) {
            return;
        }
        char[] in = new char[1024];
        int n = 0;
        for (int r; (r = input.read(in, n, in.length - n)) != -1; ) {
            n += r;
            if (n == in.length) {
                in = Arrays.copyOf(in, in.length * 2);
            }
        }
        int out = 0;
        int copied = 0; // input before this index is handled
        int removed = 0;
        for (int nl = indexOf(in, '\n', 0, n); nl >= 0; nl = indexOf(in, '\n', nl + 1, n)) {
            int start = nl;
            if (start > 0 && in[start - 1] == '\r') {
                start--;
            }
            while (start > 0 && (in[start - 1] == ' ' || in[start - 1] == '\t')) {
                start--;
            }
            int end = nl + 1;
            while (end < n && (in[end] == ' ' || in[end] == '\t')) {
                end++;
            }
            if (!hanBefore(in, start) || !hanAt(in, end, n)) {
                continue;
            }
            System.arraycopy(in, copied, in, out, start - copied);
            out += start - copied;
            removed += end - start;
            addOffCorrectMap(out, removed);
            copied = end;
        }
        System.arraycopy(in, copied, in, out, n - copied);
        text = in;
        length = out + n - copied;
    }

    private static int indexOf(char[] a, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hanBefore(char[] a, int i) {
        return i > 0 && isHan(Character.codePointBefore(a, i));
    }

    private static boolean hanAt(char[] a, int i, int n) {
        return i < n && isHan(Character.codePointAt(a, i, n));
    }

    private static boolean isHan(int cp) {
        return cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}
