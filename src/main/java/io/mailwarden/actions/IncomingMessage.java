package io.mailwarden.actions;

import io.mailwarden.message.Message;
import io.mailwarden.message.MessageRef;

/**
 * The message a plan is carried out on: where it is, as parsed, and its raw bytes (a forward sends
 * them whole).
 */
public record IncomingMessage(MessageRef ref, Message message, byte[] raw) {

    public String messageId() {
        return message.messageId();
    }
}
