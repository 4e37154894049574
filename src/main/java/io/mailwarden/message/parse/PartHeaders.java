package io.mailwarden.message.parse;

/**
 * What a MIME part's Content-Type and Content-Disposition say about it, decoded once for the parser
 * and for the IMAP side, which reads the same fields from BODYSTRUCTURE: both must agree on what an
 * attachment is and what it is called.
 *
 * @param type the Content-Type, parsed
 * @param mediaType the media type, lower-case ({@code text/plain} when none is given)
 * @param filename the decoded file name (disposition's filename, else type's name), or an empty string
 * @param attachment whether a person would call the part an attachment: disposition attachment, or a file name
 */
public record PartHeaders(MimeParams type, String mediaType, String filename, boolean attachment) {

    public static PartHeaders of(String contentType, String contentDisposition) {
        MimeParams type = MimeParams.parse(contentType);
        MimeParams disposition = MimeParams.parse(contentDisposition);
        String mediaType = type.value().isEmpty() ? "text/plain" : type.value();
        String filename = firstNonBlank(disposition.get("filename"), type.get("name"));
        return new PartHeaders(type, mediaType, filename, disposition.value().equals("attachment") || !filename.isEmpty());
    }

    public boolean multipart() {
        return mediaType.startsWith("multipart/");
    }

    /** Body text rather than an attachment: text/plain or text/html without a file name or attachment disposition. */
    public boolean bodyText() {
        return !attachment && (mediaType.equals("text/plain") || mediaType.equals("text/html"));
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b == null ? "" : b.strip();
    }
}
