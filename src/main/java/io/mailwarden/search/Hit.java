package io.mailwarden.search;

import io.mailwarden.message.Address;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One search result.
 *
 * @param id the archived place's id (for {@code /api/messages/{id}})
 * @param date the message's date (or its arrival), or null
 * @param flags IMAP flags and keywords ({@code \Seen}, {@code $Invoice})
 * @param snippetHtml an extract around the matches with {@code <mark>} around them; everything else in it
 *        is HTML-escaped, so it is safe to insert as HTML
 * @param deletedOnServer the message is gone from the server (the archive keeps it)
 */
public record Hit(String id, String account, String folder, String messageId, String subject, List<Address> from,
        List<Address> to, List<Address> cc, Instant date, long size, Set<String> flags,
        List<AttachmentInfo> attachments, String snippetHtml, boolean deletedOnServer) {
}
