package io.mailwarden.backup.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The header block of raw message bytes as line offsets, without parsing the message: where each field
 * line starts and where the block ends (the start of the blank line, or the end of the bytes).
 */
final class HeaderLines {

    final byte[] raw;
    final List<Integer> starts = new ArrayList<>();
    final int end;

    HeaderLines(byte[] raw, int from, int to) {
        this.raw = raw;
        int i = from;
        while (i < to && !(raw[i] == '\n' || (raw[i] == '\r' && i + 1 < to && raw[i + 1] == '\n'))) {
            starts.add(i);
            while (i < to && raw[i] != '\n') {
                i++;
            }
            i = Math.min(to, i + 1);
        }
        this.end = i;
    }

    /** The value of the field line starting at {@code start} if its name is {@code name} (any case), else null. */
    String valueIf(int start, String name) {
        int n = name.length();
        if (start + n >= end || raw[start + n] != ':'
                || !new String(raw, start, n, StandardCharsets.ISO_8859_1).equalsIgnoreCase(name)) {
            return null;
        }
        int e = start + n + 1;
        while (e < end && raw[e] != '\n') {
            e++;
        }
        return new String(raw, start + n + 1, e - start - n - 1, StandardCharsets.ISO_8859_1).strip();
    }

    /** The last value of field {@code name} in the block, or null. */
    String last(String name) {
        String found = null;
        for (int s : starts) {
            String v = valueIf(s, name);
            found = v != null ? v : found;
        }
        return found;
    }
}
