package io.mailwarden.archive.linked;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A downloaded file's name, from a {@code Content-Disposition} header or the {@code fname} parameter of a
 * 文件中转站 file link. Chinese servers send raw UTF-8 or GBK bytes in {@code filename="..."}; the JDK hands
 * header bytes over as ISO-8859-1 chars, so those chars are turned back into bytes and decoded as UTF-8
 * when valid, else as GB18030 (a superset of GBK).
 */
final class FileNames {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Pattern EXTENDED = Pattern.compile(
            "(?i)(?:^|;)\\s*filename\\*\\s*=\\s*\"?([^';\\s\"]*)'[^']*'([^;\\s\"]*)");
    private static final Pattern PLAIN = Pattern.compile(
            "(?i)(?:^|;)\\s*filename\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;]*))");
    private static final Pattern ESCAPED = Pattern.compile("\\\\([\"\\\\])");
    private static final Pattern PERCENT = Pattern.compile("%[0-9A-Fa-f]{2}");

    private FileNames() {}

    /** The name a Content-Disposition header gives: {@code filename*} (RFC 5987) first, then {@code filename}. */
    static Optional<String> fromDisposition(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher extended = EXTENDED.matcher(header);
        if (extended.find()) {
            Optional<String> name = percentDecoded(extended.group(2), extended.group(1));
            if (name.isPresent()) {
                return name.map(FileNames::baseName).filter(n -> !n.isEmpty());
            }
        }
        Matcher plain = PLAIN.matcher(header);
        if (!plain.find()) {
            return Optional.empty();
        }
        String raw = plain.group(1) != null ? ESCAPED.matcher(plain.group(1)).replaceAll("$1") : plain.group(2).strip();
        String name = decodeHeaderChars(raw);
        // some servers percent-encode UTF-8 even in the plain parameter: undo it when that yields non-ASCII text
        if (name.chars().allMatch(c -> c < 128) && PERCENT.matcher(name).find()) {
            name = percentDecoded(name, "UTF-8").filter(n -> !n.chars().allMatch(c -> c < 128)).orElse(name);
        }
        return Optional.of(baseName(name)).filter(n -> !n.isEmpty());
    }

    /** The URL-decoded {@code fname} query parameter of a file link, as a 文件中转站 link carries it. */
    static Optional<String> fromLink(URI link) {
        String query = link.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("fname=")) {
                String value = parameter.substring("fname=".length()).replace('+', ' ');
                return percentDecoded(value, "UTF-8").map(FileNames::baseName).filter(n -> !n.isEmpty());
            }
        }
        return Optional.empty();
    }

    /** Decodes %XX escapes in the named charset (UTF-8 falling back to GB18030); empty when malformed. */
    private static Optional<String> percentDecoded(String encoded, String charsetName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                try {
                    bytes.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
                } catch (IllegalArgumentException notHex) {
                    return Optional.empty();
                }
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        String charset = charsetName.isEmpty() ? "UTF-8" : charsetName.toUpperCase(Locale.ROOT);
        if (charset.equals("UTF-8")) {
            return Optional.of(decode(bytes.toByteArray()));
        }
        try {
            return Optional.of(new String(bytes.toByteArray(), Charset.forName(charset)));
        } catch (IllegalArgumentException unknownCharset) {
            return Optional.of(decode(bytes.toByteArray()));
        }
    }

    /** Header chars up to U+00FF are the wire's bytes; chars beyond mean the text is decoded already. */
    private static String decodeHeaderChars(String chars) {
        if (chars.chars().anyMatch(c -> c > 0xFF)) {
            return chars;
        }
        return decode(chars.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** UTF-8 when the bytes are valid UTF-8, else GB18030. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    /** Drops any directory part, so a name can never point outside the directory the caller keeps it in. */
    private static String baseName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        return base.equals(".") || base.equals("..") ? "" : base;
    }
}
