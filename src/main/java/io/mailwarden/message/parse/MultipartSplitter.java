package io.mailwarden.message.parse;

import jakarta.activation.DataSource;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
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
            MimeMultipart mp = new MimeMultipart(new SharedBytes(content, type));
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

    /** The body as a shared stream: the parts then refer to its bytes instead of each holding a copy. */
    private record SharedBytes(byte[] content, String getContentType) implements DataSource {
        @Override
        public InputStream getInputStream() {
            return new SharedByteArrayInputStream(content);
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("read-only");
        }

        @Override
        public String getName() {
            return "multipart body";
        }
    }

    /** Whether a line starts with {@code prefix}: a byte search, so a big body is not copied into a string. */
    static boolean hasBoundaryLine(byte[] content, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        for (int at = 0; at + p.length <= content.length; at++) {
            if ((at == 0 || content[at - 1] == '\n') && startsWith(content, at, p)) {
                return true;
            }
            int next = indexOf(content, (byte) '\n', at);
            if (next < 0) {
                return false;
            }
            at = next; // the loop's increment moves past the line break
        }
        return false;
    }

    private static boolean startsWith(byte[] content, int at, byte[] p) {
        for (int i = 0; i < p.length; i++) {
            if (content[at + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] content, byte b, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
