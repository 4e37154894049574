package io.mailwarden.message.parse;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a multipart body into its parts, surviving a boundary parameter that is missing or does not
 * match the body (Jakarta Mail then returns no parts at all, losing the whole text).
 */
final class MultipartSplitter {

    private MultipartSplitter() {
    }

    /** The parts, or an empty list when the body holds no boundary line at all; problems are recorded. */
    static List<BodyPart> split(byte[] content, String boundary, List<String> problems) {
        if (!hasBoundaryLine(content, "--")) {
            problems.add("multipart body without any boundary line: read as text");
            return List.of();
        }
        String declared = boundary;
        if (declared == null) {
            problems.add("multipart without a boundary parameter; boundary guessed from the body");
        } else if (!hasBoundaryLine(content, "--" + declared)) {
            problems.add("multipart boundary \"" + declared + "\" not found in the body; guessed from the body");
            declared = null;
        }
        String type = declared == null ? "multipart/mixed" : "multipart/mixed; boundary=\"" + declared + "\"";
        try {
            MimeMultipart mp = new MimeMultipart(new ByteArrayDataSource(content, type));
            List<BodyPart> out = new ArrayList<>(mp.getCount());
            for (int i = 0; i < mp.getCount(); i++) {
                out.add(mp.getBodyPart(i));
            }
            if (!mp.isComplete()) {
                problems.add("multipart body ends without its closing boundary (truncated?)");
            }
            return out;
        } catch (MessagingException e) {
            problems.add("multipart body unreadable: " + e.getMessage());
            return List.of();
        }
    }

    private static boolean hasBoundaryLine(byte[] content, String prefix) {
        // ISO-8859-1 maps byte to char one to one, so a byte search becomes a string search
        String body = "\n" + new String(content, StandardCharsets.ISO_8859_1);
        return body.contains("\n" + prefix);
    }
}
