package io.mailwarden.message.parse;

import io.mailwarden.message.RawMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** The decoded content of one attachment of a raw message, numbered as {@link MessageParser} numbers them. */
public final class AttachmentBytes {

    static {
        MimeDefaults.install();
    }

    private static final Session SESSION = Session.getInstance(new Properties());

    private AttachmentBytes() {
    }

    /**
     * Attachment {@code n} (from 0, in MIME order) as a stream decoded while it is read, or empty when the
     * message has no such attachment. The stream owns {@code raw}: closing it closes {@code raw} (a spooled
     * message's file is deleted then); so does an empty answer.
     */
    public static Optional<InputStream> open(RawMessage raw, int n) throws IOException {
        InputStream shared = switch (raw) {
            case RawMessage.InMemory m -> new SharedBytes(m.bytes());
            case RawMessage.Spooled f -> new SharedFileInputStream(f.file().toFile());
        };
        try {
            List<Part> parts = BodyCollector.attachmentParts(new MimeMessage(SESSION, HeaderSectionInput.of(shared)));
            if (n >= 0 && n < parts.size()) {
                return Optional.of(new FilterInputStream(QuotedPrintableInput.decoded(parts.get(n))) {
                    @Override
                    public void close() throws IOException {
                        try (shared; raw) {
                            super.close();
                        }
                    }
                });
            }
        } catch (MessagingException e) {
            // unreadable: no such attachment
        } catch (IOException | RuntimeException e) {
            try (shared; raw) {
                throw e;
            }
        }
        try (shared; raw) {
            return Optional.empty();
        }
    }
}
