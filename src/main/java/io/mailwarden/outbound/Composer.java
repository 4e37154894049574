package io.mailwarden.outbound;

import io.mailwarden.message.Address;
import io.mailwarden.message.Message;
import io.mailwarden.message.parse.MimeDefaults;
import io.mailwarden.plan.Step;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Composes replies and forwards as RFC 5322 bytes: From the account's address, UTF-8 text (RFC 2047
 * for the subject), a fresh Message-ID, {@code Auto-Submitted} (RFC 3834) and the loop header.
 */
final class Composer {

    /** The mail cannot be written (an address Jakarta Mail refuses); the message says which part. */
    static final class CompositionFailure extends Exception {
        CompositionFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A composed mail: its envelope recipients, Message-ID and bytes. */
    record Composed(List<String> recipients, String messageId, byte[] content) {
    }

    private static final Session SESSION = session();

    private Composer() {
    }

    private static Session session() {
        MimeDefaults.install(); // before the first mail class initialises
        return Session.getInstance(new Properties());
    }

    /** A reply to {@code original} (sent to {@code to}: its Reply-To, else From), per the rule's templates. */
    static Composed reply(String own, Message original, Address to, Step.Reply step, Instant now)
            throws CompositionFailure {
        try {
            Address from = original.from().isEmpty() ? to : original.from().get(0);
            Map<String, String> values = Templates.values(original, from, own);
            MimeMessage m = start(own, List.of(to), Subjects.reply(oneLine(Templates.render(step.subject(), values))),
                    now, "auto-replied");
            if (!original.messageId().isBlank()) {
                m.setHeader("In-Reply-To", original.messageId().strip());
                m.setHeader("References", MimeUtility.fold(12, references(original)));
            }
            String text = Templates.render(step.body(), values);
            if (step.html() == null) {
                m.setText(text, "UTF-8");
            } else {
                MimeMultipart alternative = new MimeMultipart("alternative");
                alternative.addBodyPart(textPart(text));
                MimeBodyPart html = new MimeBodyPart();
                html.setText(Templates.render(step.html(), escaped(values)), "UTF-8", "html");
                alternative.addBodyPart(html);
                m.setContent(alternative);
            }
            return finish(m, List.of(to.address()), own);
        } catch (MessagingException | IOException e) {
            throw new CompositionFailure("cannot compose a reply: " + e.getMessage(), e);
        }
    }

    /** A forward of {@code original} to the step's addresses, as message/rfc822 attachment or inline text. */
    static Composed forward(String own, Message original, byte[] raw, Step.Forward step, String rule, Instant now)
            throws CompositionFailure {
        try {
            List<Address> to = step.to().stream().map(a -> new Address(a, "")).toList();
            MimeMessage m = start(own, to, Subjects.forward(oneLine(original.subject())), now, "auto-generated");
            String intro = "Forwarded by mailwarden (rule " + rule + ").\n\n"
                    + "---------- Forwarded message ----------\n" + summary(original) + "\n";
            if (step.asAttachment()) {
                MimeMultipart mixed = new MimeMultipart("mixed");
                mixed.addBodyPart(textPart(intro));
                MimeBodyPart attached = new MimeBodyPart();
                attached.setDataHandler(new DataHandler(new ByteArrayDataSource(raw, "message/rfc822")));
                attached.setDisposition("attachment");
                attached.setFileName("forwarded-message.eml");
                mixed.addBodyPart(attached);
                m.setContent(mixed);
            } else {
                m.setText(intro + original.text(), "UTF-8");
            }
            return finish(m, step.to(), own);
        } catch (MessagingException | IOException e) {
            throw new CompositionFailure("cannot compose a forward: " + e.getMessage(), e);
        }
    }

    private static MimeMessage start(String own, List<Address> to, String subject, Instant now, String autoSubmitted)
            throws MessagingException, IOException {
        MimeMessage m = new MimeMessage(SESSION);
        m.setFrom(new InternetAddress(own));
        List<InternetAddress> rcpt = new ArrayList<>();
        for (Address a : to) {
            rcpt.add(new InternetAddress(a.address(), a.name().isEmpty() ? null : a.name(), "UTF-8"));
        }
        m.setRecipients(jakarta.mail.Message.RecipientType.TO, rcpt.toArray(InternetAddress[]::new));
        m.setSubject(subject, "UTF-8");
        m.setSentDate(Date.from(now));
        m.setHeader("Auto-Submitted", autoSubmitted);
        m.setHeader(Suppression.LOOP_HEADER, own);
        return m;
    }

    private static Composed finish(MimeMessage m, List<String> recipients, String own)
            throws MessagingException, IOException {
        m.saveChanges();
        String id = "<mailwarden." + UUID.randomUUID() + "@" + own.substring(own.lastIndexOf('@') + 1) + ">";
        m.setHeader("Message-ID", id); // after saveChanges, which would replace it
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return new Composed(List.copyOf(recipients), id, out.toByteArray());
    }

    /** RFC 5322 3.6.4: the parent's References (else its In-Reply-To) followed by the parent's Message-ID. */
    private static String references(Message original) {
        String refs = original.headers().first("References");
        if (refs == null || refs.isBlank()) {
            String inReplyTo = original.headers().first("In-Reply-To");
            refs = inReplyTo != null && inReplyTo.strip().matches("<[^<>\\s]+>") ? inReplyTo : "";
        }
        return (refs.strip().replaceAll("\\s+", " ") + " " + original.messageId().strip()).strip();
    }

    private static MimeBodyPart textPart(String text) throws MessagingException {
        MimeBodyPart p = new MimeBodyPart();
        p.setText(text, "UTF-8");
        return p;
    }

    private static String summary(Message m) {
        return "From: " + join(m.from()) + "\nDate: " + (m.date() == null ? "" : m.date()) + "\nSubject: " + m.subject()
                + "\nTo: " + join(m.to()) + (m.cc().isEmpty() ? "" : "\nCc: " + join(m.cc())) + "\n";
    }

    private static String join(List<Address> addresses) {
        return addresses.stream().map(Address::toString).collect(Collectors.joining(", "));
    }

    /** A header value on one line: a hostile subject cannot add header fields. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static Map<String, String> escaped(Map<String, String> values) {
        return values.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue()
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")));
    }
}
