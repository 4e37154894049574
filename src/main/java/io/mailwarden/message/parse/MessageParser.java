package io.mailwarden.message.parse;

import io.mailwarden.message.Address;
import io.mailwarden.message.Attachment;
import io.mailwarden.message.Header;
import io.mailwarden.message.Headers;
import io.mailwarden.message.Message;
import io.mailwarden.message.MessageArrived;
import io.mailwarden.message.RawMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Parses raw RFC 5322 bytes into a {@link Message}. Every header is decoded locally (never trusting a
 * server's ENVELOPE), every part is read in isolation so one broken part cannot lose the rest, and
 * nothing here throws for bad input: problems are recorded on the message. A message spooled to a file is
 * parsed from the file: its attachments are copied out of it as they are found (big ones into files next
 * to it, which their text extraction deletes), so memory stays bounded for any message size.
 */
public final class MessageParser {

    static {
        MimeDefaults.install();
    }

    static final int MAX_DEPTH = 12;
    private static final Session SESSION = Session.getInstance(new Properties());
    /** RFC 5322 field-name: printable ASCII except the colon. */
    private static final Pattern FIELD_NAME = Pattern.compile("[!-9;-~]+");

    private final AttachmentTextExtractor extractor;

    public MessageParser() {
        this(AttachmentTextExtractor.TEXT_ONLY);
    }

    public MessageParser(AttachmentTextExtractor extractor) {
        this.extractor = extractor;
    }

    public Message parse(byte[] raw) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        return parse(new SharedBytes(bytes), bytes.length, 0, null);
    }

    /** A message in memory or spooled to a file (which stays the caller's). */
    public Message parse(RawMessage raw) {
        return switch (raw) {
            case RawMessage.InMemory m -> parse(m.bytes());
            case RawMessage.Spooled f -> parse(f.file(), 0);
        };
    }

    Message parse(Path file, int depth) {
        try (SharedFileInputStream in = new SharedFileInputStream(file.toFile())) {
            return parse(in, Files.size(file), depth, file.getParent());
        } catch (IOException e) {
            return bodyOnly(InputStream.nullInputStream(), 0, new ArrayList<>(List.of("message unreadable: " + e)));
        }
    }

    /** @param spool where big attachments are copied to, for a message read from a file; null: into memory */
    private <S extends InputStream & SharedInputStream> Message parse(S in, long size, int depth, Path spool) {
        try {
            return parse(in, size, depth, null, spool);
        } catch (RuntimeException e) {
            // a last resort: each step already records its own problems
            return bodyOnly(in.newStream(0, -1), size, new ArrayList<>(List.of("message unreadable: " + e)));
        }
    }

    /**
     * A message as a watcher fetched it: parsed whole, or, when only its header section was fetched,
     * its headers with no text, the attachments its BODYSTRUCTURE listed and the server's size.
     */
    public Message parseArrival(MessageArrived arrived) {
        if (arrived.complete()) {
            return parse(arrived.raw());
        }
        SharedBytes in = new SharedBytes(arrived.raw());
        try {
            return parse(in, arrived.raw().length, 0, arrived, null);
        } catch (RuntimeException e) {
            return bodyOnly(in.newStream(0, -1), arrived.raw().length,
                    new ArrayList<>(List.of("header unreadable: " + e)));
        }
    }

    Message parse(byte[] raw, int depth) {
        return parse(new SharedBytes(raw), raw.length, depth, null);
    }

    /** With {@code headerOnly} given, {@code in} is a header section and the body comes from its structure. */
    private <S extends InputStream & SharedInputStream> Message parse(S in, long size, int depth,
            MessageArrived headerOnly, Path spool) {
        List<String> problems = new ArrayList<>();
        MimeMessage mime;
        List<Header> fields = new ArrayList<>();
        int skipped = 0;
        try {
            HeaderSectionInput section = HeaderSectionInput.of(in);
            mime = new MimeMessage(SESSION, section);
            if (section.cut()) {
                problems.add(HeaderSectionInput.CUT);
            }
            Enumeration<jakarta.mail.Header> all = mime.getAllHeaders();
            while (all.hasMoreElements()) {
                jakarta.mail.Header h = all.nextElement();
                if (FIELD_NAME.matcher(h.getName()).matches()) {
                    fields.add(new Header(h.getName(), HeaderText.decode(h.getValue())));
                } else {
                    skipped++;
                }
            }
        } catch (MessagingException | RuntimeException e) {
            problems.add("headers unreadable: " + e.getMessage());
            return bodyOnly(in.newStream(0, -1), size, problems);
        }
        if (fields.isEmpty() && size > 0) {
            // Jakarta Mail takes text without headers for header lines, which would lose all of it
            problems.add("no header fields: the whole message was read as text");
            return bodyOnly(in.newStream(0, -1), size, problems);
        }
        if (skipped > 0) {
            problems.add(skipped + " header line(s) without a valid field name skipped");
        }
        Headers headers = new Headers(fields);
        String text = "";
        List<Message.Link> links = List.of();
        List<Attachment> attachments = headerOnly == null ? List.of() : headerOnly.structure();
        if (headerOnly == null) {
            BodyCollector body = new BodyCollector(extractor, problems, depth, spool);
            body.walk(mime, 0);
            text = body.text();
            links = body.links();
            attachments = body.attachments();
        }
        String messageId = nullToEmpty(headers.first("Message-ID")).strip();
        if (messageId.isEmpty()) {
            problems.add("no Message-ID header");
        }
        return new Message(
                headers,
                addresses(mime, "From"), addresses(mime, "To"), addresses(mime, "Cc"),
                addresses(mime, "Bcc"), addresses(mime, "Reply-To"), addresses(mime, "Sender"),
                nullToEmpty(headers.first("Subject")),
                MailDates.parse(headers.first("Date"), problems),
                messageId,
                text,
                links,
                attachments,
                headerOnly == null ? size : headerOnly.size(),
                List.copyOf(problems));
    }

    private static List<Address> addresses(MimeMessage mime, String name) {
        try {
            String raw = mime.getHeader(name, ",");
            return AddressParser.parse(raw);
        } catch (MessagingException | RuntimeException e) {
            return List.of();
        }
    }

    /** The message as text alone (its first {@link BodyCollector#MAX_TEXT_BYTES}), when it has no usable header. */
    private static Message bodyOnly(InputStream raw, long size, List<String> problems) {
        String text;
        try (InputStream in = raw) {
            byte[] bytes = in.readNBytes(BodyCollector.MAX_TEXT_BYTES);
            text = Charsets.decodeUnlabelled(bytes, null).replace("\r\n", "\n").strip();
            if (in.read() >= 0) {
                problems.add(BodyCollector.TEXT_CUT);
            }
        } catch (IOException e) {
            text = "";
            problems.add("text unreadable: " + e.getMessage());
        }
        return new Message(new Headers(List.of()), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                "", null, "", text, List.of(), List.of(), size, List.copyOf(problems));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Reads a part's header as written, or null. */
    static String header(Part p, String name) {
        try {
            String[] v = p.getHeader(name);
            return v == null || v.length == 0 ? null : v[0];
        } catch (MessagingException e) {
            return null;
        }
    }
}
