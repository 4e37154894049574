package io.mailwarden.archive.extract;

import io.mailwarden.message.Message;
import java.util.List;

/**
 * A parsed message with the extraction of each attachment.
 *
 * @param message the parsed message; its attachments' text is already computed
 * @param attachments one per attachment, in order: {@code attachments.get(i)} is the extraction of
 *     {@code message.attachments().get(i)}
 */
public record ExtractedMessage(Message message, List<Extraction> attachments) {

    public ExtractedMessage {
        attachments = List.copyOf(attachments);
    }
}
