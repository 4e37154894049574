package io.mailwarden.message.parse;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Properties;

/** The decoded bytes of one attachment of a raw message, numbered as {@link MessageParser} numbers them. */
public final class AttachmentBytes {

    static {
        MimeDefaults.install();
    }

    private static final Session SESSION = Session.getInstance(new Properties());

    private AttachmentBytes() {
    }

    /** Attachment {@code n} (from 0, in MIME order) decoded, or empty when the message has no such attachment. */
    public static Optional<byte[]> of(byte[] raw, int n) {
        try {
            BodyCollector body = new BodyCollector((bytes, type, charset, name) -> "", new ArrayList<>(), 0, null);
            body.walk(new MimeMessage(SESSION, new SharedByteArrayInputStream(raw)), 0);
            return Optional.ofNullable(body.content(n));
        } catch (MessagingException e) {
            return Optional.empty();
        }
    }
}
