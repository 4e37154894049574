package io.mailwarden.message.parse;

/**
 * Turns an attachment's bytes into searchable text. The parser's default reads text, HTML and CSV
 * parts; the archive plugs in a Tika-backed extractor, and rules that test attachment text need no
 * change for it.
 */
@FunctionalInterface
public interface AttachmentTextExtractor {

    /**
     * @param content the decoded content
     * @param mediaType the declared media type, lower-case
     * @param charset the declared charset label, or null
     * @param filename the decoded file name, or an empty string
     * @return the text, or an empty string when the type is not understood
     */
    String extract(PartContent content, String mediaType, String charset, String filename);

    /** Text types only: plain text in any charset, HTML reduced to text, CSV. */
    AttachmentTextExtractor TEXT_ONLY = (content, mediaType, charset, filename) -> {
        byte[] bytes = content.start(BodyCollector.MAX_TEXT_BYTES); // the text types need no more
        if (mediaType.equals("text/html") || filename.toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
            return HtmlText.toText(Charsets.decode(bytes, charset));
        }
        if (mediaType.startsWith("text/")) {
            return Charsets.decode(bytes, charset);
        }
        return "";
    };
}
