package io.mailwarden.actions;

import io.mailwarden.message.Message;
import io.mailwarden.message.MessageRef;

/**
 * The message a plan is carried out on: where it is, as parsed, and its raw bytes (a forward sends
 * them whole).
 *
 * @param complete whether {@code raw} is the whole message; else it is the header section only (the message
 *     was too big to read whole, or no rule needed its body)
 */
public record IncomingMessage(MessageRef ref, Message message, byte[] raw, boolean complete) {

    /** A message read whole. */
    public IncomingMessage(MessageRef ref, Message message, byte[] raw) {
        this(ref, message, raw, true);
    }

    public String messageId() {
        return message.messageId();
    }
}
