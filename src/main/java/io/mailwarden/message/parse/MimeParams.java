package io.mailwarden.message.parse;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A forgiving reader of Content-Type and Content-Disposition: the value before the first {@code ;}
 * and the parameters after it, with quoted strings, RFC 2231 ({@code name*=utf-8''%E5%90%88} and
 * {@code name*0*=} continuations), RFC 2047 words inside quotes ({@code filename="=?GBK?B?...?="}) and
 * raw 8-bit bytes. It never throws: what it cannot read it skips.
 */
public record MimeParams(String value, Map<String, String> params) {

    public String get(String name) {
        return params.get(name.toLowerCase(Locale.ROOT));
    }

    public static MimeParams parse(String header) {
        if (header == null) {
            return new MimeParams("", Map.of());
        }
        String h = header.replaceAll("\r?\n[ \t]", " ");
        int semi = indexOfUnquoted(h, 0);
        String value = (semi < 0 ? h : h.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, String[]>> continued = new LinkedHashMap<>();
        int pos = semi;
        while (pos >= 0 && pos < h.length()) {
            int next = indexOfUnquoted(h, pos + 1);
            String item = h.substring(pos + 1, next < 0 ? h.length() : next).strip();
            pos = next;
            int eq = item.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String raw = unquote(item.substring(eq + 1).strip());
            boolean extended = name.endsWith("*");
            String base = extended ? name.substring(0, name.length() - 1) : name;
            int star = base.indexOf('*');
            String digits = star > 0 ? base.substring(star + 1) : "";
            if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
                if (digits.length() > 4) {
                    continue; // no real value has that many sections; parseInt would overflow
                }
                int section = Integer.parseInt(digits);
                continued.computeIfAbsent(base.substring(0, star), k -> new TreeMap<>())
                        .put(section, new String[] {raw, extended ? "*" : ""});
            } else if (extended) {
                plain.put(base, decode2231(raw, null));
            } else {
                plain.putIfAbsent(base, EncodedWords.decode(Charsets.fixRaw8bit(raw)));
            }
        }
        continued.forEach((name, sections) -> plain.put(name, joinSections(sections)));
        return new MimeParams(value, Map.copyOf(plain));
    }

    private static String joinSections(TreeMap<Integer, String[]> sections) {
        String charset = null;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (String[] s : sections.values()) {
            String raw = s[0];
            if (s[1].equals("*")) {
                if (charset == null) {
                    int q1 = raw.indexOf('\'');
                    int q2 = q1 < 0 ? -1 : raw.indexOf('\'', q1 + 1);
                    if (q2 > 0) {
                        charset = raw.substring(0, q1);
                        raw = raw.substring(q2 + 1);
                    }
                }
                bytes.writeBytes(percentDecode(raw));
            } else {
                bytes.writeBytes(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        String text = Charsets.decode(bytes.toByteArray(), charset);
        return EncodedWords.decode(text);
    }

    private static String decode2231(String raw, String defaultCharset) {
        int q1 = raw.indexOf('\'');
        int q2 = q1 < 0 ? -1 : raw.indexOf('\'', q1 + 1);
        if (q2 < 0) {
            return Charsets.decode(percentDecode(raw), defaultCharset);
        }
        return Charsets.decode(percentDecode(raw.substring(q2 + 1)), raw.substring(0, q1));
    }

    private static byte[] percentDecode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c & 0xFF);
            }
        }
        return out.toByteArray();
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && v.charAt(0) == '"') {
            int end = v.lastIndexOf('"');
            String inner = end > 0 ? v.substring(1, end) : v.substring(1);
            return inner.replaceAll("\\\\(.)", "$1");
        }
        return v;
    }

    private static int indexOfUnquoted(String s, int from) {
        boolean quoted = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
