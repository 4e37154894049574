package io.mailwarden.archive.linked;

import io.mailwarden.message.parse.Charsets;
import io.mailwarden.message.parse.MimeParams;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A downloaded file's name, from a {@code Content-Disposition} header or the {@code fname} parameter of a
 * 文件中转站 file link. Chinese servers send raw UTF-8 or GBK bytes in {@code filename="..."}; the JDK hands
 * header bytes over as ISO-8859-1 chars, which {@link Charsets#fixRaw8bit} turns back into text as the mail
 * parser does for raw 8-bit headers.
 */
final class FileNames {

    private static final Pattern EXTENDED = Pattern.compile("(?i)(?:^|;)\\s*filename\\*\\s*=");
    /**
     * The plain parameter as servers write it: only an escaped quote or backslash is unescaped ({@link #ESCAPED});
     * other backslashes are Windows path separators, which the mail parser's quoted-pair rule would drop.
     */
    private static final Pattern PLAIN = Pattern.compile(
            "(?i)(?:^|;)\\s*filename\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;]*))");
    private static final Pattern ESCAPED = Pattern.compile("\\\\([\"\\\\])");

    private FileNames() {}

    /** The name a Content-Disposition header gives: {@code filename*} (RFC 2231/5987) first, then {@code filename}. */
    static Optional<String> fromDisposition(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (EXTENDED.matcher(header).find()) { // the mail parser's RFC 2231 decoding, charset and all
            Optional<String> name = named(MimeParams.parse(header).get("filename"));
            if (name.isPresent()) {
                return name;
            }
        }
        Matcher plain = PLAIN.matcher(header);
        if (!plain.find()) {
            return Optional.empty();
        }
        String raw = plain.group(1) != null ? ESCAPED.matcher(plain.group(1)).replaceAll("$1") : plain.group(2).strip();
        return named(Charsets.fixRaw8bit(raw));
    }

    /** The URL-decoded {@code fname} query parameter of a file link, as a 文件中转站 link carries it. */
    static Optional<String> fromLink(URI link) {
        String query = link.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("fname=")) {
                try { // ISO-8859-1 keeps each escaped byte a char, for the same UTF-8-or-GBK decoding as headers
                    return named(Charsets.fixRaw8bit(URLDecoder.decode(parameter.substring("fname=".length()),
                            StandardCharsets.ISO_8859_1)));
                } catch (IllegalArgumentException malformed) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Drops any directory part, so a name can never point outside the directory the caller keeps it in. */
    private static Optional<String> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return base.isEmpty() || base.equals(".") || base.equals("..") ? Optional.empty() : Optional.of(base);
    }
}
