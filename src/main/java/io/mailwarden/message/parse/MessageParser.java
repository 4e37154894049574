package io.mailwarden.message.parse;

import io.mailwarden.message.Address;
import io.mailwarden.message.Header;
import io.mailwarden.message.Headers;
import io.mailwarden.message.Message;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Properties;

/**
 * Parses raw RFC 5322 bytes into a {@link Message}. Every header is decoded locally (never trusting a
 * server's ENVELOPE), every part is read in isolation so one broken part cannot lose the rest, and
 * nothing here throws for bad input: problems are recorded on the message.
 */
public final class MessageParser {

    static {
        MimeDefaults.install();
    }

    static final int MAX_DEPTH = 12;
    private static final Session SESSION = Session.getInstance(new Properties());

    private final AttachmentTextExtractor extractor;

    public MessageParser() {
        this(AttachmentTextExtractor.TEXT_ONLY);
    }

    public MessageParser(AttachmentTextExtractor extractor) {
        this.extractor = extractor;
    }

    public Message parse(byte[] raw) {
        return parse(raw, 0);
    }

    Message parse(byte[] raw, int depth) {
        List<String> problems = new ArrayList<>();
        MimeMessage mime;
        List<Header> fields = new ArrayList<>();
        try {
            mime = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Enumeration<jakarta.mail.Header> all = mime.getAllHeaders();
            while (all.hasMoreElements()) {
                jakarta.mail.Header h = all.nextElement();
                fields.add(new Header(h.getName(), HeaderText.decode(h.getValue())));
            }
        } catch (MessagingException | RuntimeException e) {
            problems.add("headers unreadable: " + e.getMessage());
            return bodyOnly(raw, problems);
        }
        Headers headers = new Headers(fields);
        BodyCollector body = new BodyCollector(extractor, problems, depth);
        body.walk(mime, 0);
        return new Message(
                headers,
                addresses(mime, "From"), addresses(mime, "To"), addresses(mime, "Cc"),
                addresses(mime, "Bcc"), addresses(mime, "Reply-To"), addresses(mime, "Sender"),
                nullToEmpty(headers.first("Subject")),
                MailDates.parse(headers.first("Date"), problems),
                nullToEmpty(headers.first("Message-ID")).strip(),
                body.text(),
                body.attachments(),
                raw.length,
                List.copyOf(problems));
    }

    private static List<Address> addresses(MimeMessage mime, String name) {
        try {
            String raw = mime.getHeader(name, ",");
            return AddressParser.parse(raw);
        } catch (MessagingException e) {
            return List.of();
        }
    }

    private static Message bodyOnly(byte[] raw, List<String> problems) {
        return new Message(new Headers(List.of()), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                "", null, "", Charsets.decodeUnlabelled(raw, null), List.of(), raw.length, List.copyOf(problems));
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

    /** The parts of a multipart body, read with the boundary we parsed ourselves. */
    static List<BodyPart> parts(Part p, String boundary) throws MessagingException, IOException {
        byte[] content = p.getInputStream().readAllBytes();
        String type = boundary == null ? "multipart/mixed" : "multipart/mixed; boundary=\"" + boundary + "\"";
        MimeMultipart mp = new MimeMultipart(new ByteArrayDataSource(content, type));
        List<BodyPart> out = new ArrayList<>(mp.getCount());
        for (int i = 0; i < mp.getCount(); i++) {
            out.add(mp.getBodyPart(i));
        }
        return out;
    }
}
