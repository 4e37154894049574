package io.mailwarden.message;

import java.nio.charset.StandardCharsets;

/** Reads one header field straight from raw bytes, without parsing the message. */
public final class RawHeaders {

    private RawHeaders() {
    }

    /** The Message-ID field's value, unfolded and trimmed, or an empty string. */
    public static String messageId(byte[] raw) {
        return field(raw, "message-id");
    }

    /** The first field named {@code lowerName} in the header block, unfolded and trimmed, or "". */
    public static String field(byte[] raw, String lowerName) {
        int i = 0;
        while (i < raw.length) {
            int end = lineEnd(raw, i);
            if (end == i || (end == i + 1 && raw[i] == '\r')) {
                return ""; // the blank line ends the header block
            }
            if (startsWithName(raw, i, end, lowerName)) {
                StringBuilder value = new StringBuilder(text(raw, i + lowerName.length() + 1, end));
                int next = end + 1;
                while (next < raw.length && (raw[next] == ' ' || raw[next] == '\t')) {
                    int e = lineEnd(raw, next);
                    value.append(' ').append(text(raw, next, e));
                    next = e + 1;
                }
                return value.toString().trim();
            }
            i = end + 1;
        }
        return "";
    }

    private static boolean startsWithName(byte[] raw, int from, int end, String lowerName) {
        int n = lowerName.length();
        if (end - from <= n || raw[from + n] != ':') {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (Character.toLowerCase((char) raw[from + k]) != lowerName.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int lineEnd(byte[] raw, int from) {
        int i = from;
        while (i < raw.length && raw[i] != '\n') {
            i++;
        }
        return i;
    }

    private static String text(byte[] raw, int from, int end) {
        return new String(raw, from, end - from, StandardCharsets.ISO_8859_1).strip();
    }
}
