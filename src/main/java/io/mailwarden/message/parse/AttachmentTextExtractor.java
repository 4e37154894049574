package io.mailwarden.message.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns an attachment's bytes into searchable text. The parser's default reads text, HTML and CSV
 * parts; the archive plugs in a Tika-backed extractor, and rules that test attachment text need no
 * change for it.
 */
@FunctionalInterface
public interface AttachmentTextExtractor {

    /**
     * @param bytes the decoded content
     * @param mediaType the declared media type, lower-case
     * @param charset the declared charset label, or null
     * @param filename the decoded file name, or an empty string
     * @return the text, or an empty string when the type is not understood
     */
    String extract(byte[] bytes, String mediaType, String charset, String filename);

    /**
     * The text of an attachment too big to hold in memory, decoded into {@code file} (which stays the
     * caller's). By default its first {@link BodyCollector#MAX_TEXT_BYTES} bytes go to {@link #extract}:
     * enough for the text types; an extractor that reads documents overrides this to read the file itself.
     */
    default String extractFile(Path file, String mediaType, String charset, String filename) {
        try (InputStream in = Files.newInputStream(file)) {
            return extract(in.readNBytes(BodyCollector.MAX_TEXT_BYTES), mediaType, charset, filename);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text types only: plain text in any charset, HTML reduced to text, CSV. */
    AttachmentTextExtractor TEXT_ONLY = (bytes, mediaType, charset, filename) -> {
        if (mediaType.equals("text/html") || filename.toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
            return HtmlText.toText(Charsets.decode(bytes, charset));
        }
        if (mediaType.startsWith("text/")) {
            return Charsets.decode(bytes, charset);
        }
        return "";
    };
}
