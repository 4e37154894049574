package io.mailwarden.message;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A message parsed from its raw RFC 5322 bytes. Parsing never fails: what could not be read is
 * listed in {@link #problems()} and the rest is still filled in.
 *
 * @param headers every header field, decoded
 * @param from addresses of the From field
 * @param to addresses of the To field
 * @param cc addresses of the Cc field
 * @param bcc addresses of a Bcc field present in the message (seen on sent copies)
 * @param replyTo addresses of the Reply-To field
 * @param sender addresses of the Sender field
 * @param subject the decoded subject, or an empty string
 * @param date the Date field with its offset, or null when missing or unreadable
 * @param messageId the Message-ID field as written (with angle brackets), or an empty string
 * @param text the body text: the plain-text part, or the HTML part reduced to text
 * @param links the links of the HTML body, in order (reducing it to text drops their targets)
 * @param attachments the attachments, in order
 * @param size the size of the raw message in bytes
 * @param problems what could not be parsed, one line each
 */
public record Message(
        Headers headers,
        List<Address> from,
        List<Address> to,
        List<Address> cc,
        List<Address> bcc,
        List<Address> replyTo,
        List<Address> sender,
        String subject,
        OffsetDateTime date,
        String messageId,
        String text,
        List<Link> links,
        List<Attachment> attachments,
        long size,
        List<String> problems) {

    /**
     * A link of an HTML body.
     *
     * @param url the target as written, entities decoded
     * @param text the link's text as a reader sees it
     */
    public record Link(String url, String text) {
    }
}
