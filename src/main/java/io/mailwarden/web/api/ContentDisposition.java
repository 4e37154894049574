package io.mailwarden.web.api;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} for a file name taken from mail (attacker-controlled): no path, no
 * quotes, no control characters; an ASCII {@code filename} for old clients and the exact name as RFC 5987
 * {@code filename*} (RFC 6266), which browsers prefer, so Chinese names arrive intact.
 */
public final class ContentDisposition {

    static final String FALLBACK = "attachment";
    private static final int MAX_CHARS = 200;

    private ContentDisposition() {
    }

    public static String attachment(String name) {
        String clean = clean(name);
        return "attachment; filename=\"" + ascii(clean) + "\"; filename*=UTF-8''" + encode(clean);
    }

    /** The last path segment, without control characters, quotes or backslashes, and never empty or hidden. */
    static String clean(String name) {
        String s = name == null ? "" : name;
        s = s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')) + 1);
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(c -> !Character.isISOControl(c) && c != '"' && c != '\u2028' && c != '\u2029')
                .limit(MAX_CHARS).forEach(sb::appendCodePoint);
        String out = sb.toString().strip().replaceFirst("^\\.+", "");
        return out.isEmpty() ? FALLBACK : out;
    }

    /** Printable ASCII only; {@code %} too is replaced, as some clients would decode it. */
    private static String ascii(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f && c != '%' ? c : '_');
        }
        return sb.toString();
    }

    /** RFC 5987 ext-value: attr-chars as they are, every other UTF-8 byte percent-encoded. */
    private static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
