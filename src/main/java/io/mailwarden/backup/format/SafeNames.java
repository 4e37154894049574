package io.mailwarden.backup.format;

import io.mailwarden.state.ContentHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * File and directory names made from folder and account names, which come from mail servers and so from
 * anyone: a name never leaves the export's root and is harmless on Linux, macOS and Windows. Characters
 * that are separators, control characters or special somewhere ({@code / \ : * ? " < > |}, NUL…) and
 * {@code %} itself become {@code %XX} (UTF-8 bytes), so names stay readable and distinct; a leading dot
 * ({@code .}, {@code ..}, hidden files, Maildir++ folders), a trailing dot or space and Windows device
 * names are escaped too; a name longer than {@value #MAX_BYTES} bytes is cut and given a hash suffix.
 * Chinese and other non-ASCII letters are kept as UTF-8.
 */
public final class SafeNames {

    /** Room below the usual 255-byte limit for suffixes ({@code .mbox}, {@code ~2}, Maildir info). */
    static final int MAX_BYTES = 180;
    private static final String SPECIAL = "%/\\:*?\"<>|";
    private static final Pattern DEVICE = Pattern.compile("(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?");

    private SafeNames() {
    }

    /** One path segment for {@code name}; {@code alsoEscape} lists characters the layout reserves (Maildir++: '.'). */
    public static String segment(String name, String alsoEscape) {
        if (name.isEmpty()) {
            return "%";
        }
        StringBuilder out = new StringBuilder(name.length() + 8);
        int last = name.length() - 1;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean edge = (i == 0 && c == '.') || (i == last && (c == '.' || c == ' '));
            if (c < 0x20 || c == 0x7f || SPECIAL.indexOf(c) >= 0 || alsoEscape.indexOf(c) >= 0 || edge) {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
                }
            } else {
                out.append(c);
            }
        }
        String s = out.toString();
        if (DEVICE.matcher(s.toLowerCase(Locale.ROOT)).matches()) {
            s = "_" + s;
        }
        return shorten(s);
    }

    /** {@code root} resolved with {@code relative}, refusing anything that would end outside {@code root}. */
    static Path inside(Path root, String relative) {
        Path base = root.toAbsolutePath().normalize();
        Path p = base.resolve(relative).normalize();
        if (!p.startsWith(base) || Path.of(relative).isAbsolute()) {
            throw new IllegalArgumentException("'" + relative + "' is outside " + base);
        }
        return p;
    }

    private static String shorten(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_BYTES) {
            return s;
        }
        String hash = ContentHash.of(utf8).substring(0, 12);
        int end = 0;
        int bytes = 0;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + len > MAX_BYTES - hash.length() - 1) {
                break;
            }
            bytes += len;
            end += Character.charCount(cp);
        }
        return s.substring(0, end) + "~" + hash;
    }
}
