package io.mailwarden.message.parse;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.SharedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a multipart body into its parts, surviving a boundary parameter that is missing or does not
 * match the body (Jakarta Mail then returns no parts at all, losing the whole text). The body is read as
 * a stream: parsed from shared bytes, the parts refer to the message's bytes instead of copying them, so
 * a message of any size is held once. {@link PartScanner} finds the parts; a message has at most
 * {@link #MAX_PARTS} of them read.
 */
final class MultipartSplitter {

    /**
     * The most MIME parts read from one message, nested ones included. Each costs about 2 KB of headers: a 10 MB
     * message of 250,000 tiny parts filled a 512 MB heap.
     */
    static final int MAX_PARTS = 10_000;
    static final String TOO_MANY = "more than " + MAX_PARTS + " MIME parts: the rest were not read (the message is kept"
            + " whole)";

    /** The most bytes of a transfer-encoded multipart body decoded into memory to be split. */
    static final int MAX_DECODED = 64 << 20;

    private MultipartSplitter() {
    }

    /**
     * The parts, at most {@code limit} of them, or an empty list when the body holds no boundary line at all; problems
     * are recorded, {@link #TOO_MANY} when parts were left unread.
     */
    static List<BodyPart> split(Part part, String boundary, List<String> problems, int limit)
            throws IOException, MessagingException {
        Body body = part::getInputStream;
        long first = boundaryLineAt(body.open(), "--");
        long declaredAt = first < 0 || boundary == null ? -1 : boundaryLineAt(body.open(), "--" + boundary);
        if (first < 0 || boundary != null && declaredAt < 0) {
            Decoded decoded = leftEncoded(part, boundary, first < 0, problems);
            if (decoded != null) {
                problems.add("multipart body in " + decoded.encoding() + ", which MIME does not allow: decoded to find"
                        + " its parts");
                body = () -> new SharedBytes(decoded.bytes());
                first = decoded.first();
                declaredAt = decoded.declared();
            }
        }
        if (first < 0) {
            problems.add("multipart body without any boundary line: read as text");
            return List.of();
        }
        String declared = boundary;
        if (declared == null) {
            problems.add("multipart without a boundary parameter; boundary guessed from the body");
        } else if (declaredAt < 0) {
            problems.add("multipart boundary \"" + declared + "\" not found in the body; guessed from the body");
            declared = null;
        } else {
            first = declaredAt;
        }
        try (InputStream in = body.open()) {
            if (in instanceof SharedInputStream shared) {
                return scanned(in, shared, first, declared, problems, limit);
            }
            // transfer-encoded (Jakarta Mail decodes a multipart only when it cannot parse its type): decoded in memory
            byte[] decoded = inMemory(in, problems);
            if (decoded == null) {
                return List.of();
            }
            SharedBytes bytes = new SharedBytes(decoded);
            return scanned(bytes, bytes, first, declared, problems, limit);
        }
    }

    /** Opens the multipart body again from its start. */
    @FunctionalInterface
    private interface Body {
        InputStream open() throws IOException, MessagingException;
    }

    /**
     * The body of a multipart that claims base64 or quoted-printable and was left so (Jakarta Mail ignores a
     * multipart's encoding when it can parse its type), decoded, when decoding shows what the body as written does not:
     * the declared boundary, or (when {@code anyLine}) any boundary line. Null otherwise: a mailer that claims an
     * encoding and does not use it is read as written. Quoted-printable keeps most boundary lines readable, but not
     * one with an {@code =} in it, as in Jakarta Mail's own {@code ----=_Part_…}, nor the parts' headers.
     */
    private static Decoded leftEncoded(Part part, String boundary, boolean anyLine, List<String> problems)
            throws IOException, MessagingException {
        String encoding = part instanceof MimePart p && p.getEncoding() != null
                ? p.getEncoding().strip().toLowerCase(Locale.ROOT) : "";
        if (!encoding.equals("base64") && !encoding.equals("quoted-printable")) {
            return null;
        }
        byte[] bytes;
        try (InputStream raw = part.getInputStream()) {
            if (!(raw instanceof SharedInputStream)) {
                return null; // Jakarta Mail decoded it already
            }
            bytes = inMemory(MimeUtility.decode(raw, encoding), problems);
        }
        if (bytes == null) {
            return null;
        }
        long declared = boundary == null ? -1 : boundaryLineAt(new ByteArrayInputStream(bytes), "--" + boundary);
        long any = declared >= 0 || !anyLine ? declared : boundaryLineAt(new ByteArrayInputStream(bytes), "--");
        return any < 0 ? null : new Decoded(encoding, bytes, any, declared);
    }

    /** A multipart body decoded by {@link #leftEncoded}: where its first boundary line starts, and its declared one. */
    private record Decoded(String encoding, byte[] bytes, long first, long declared) {
    }

    /** A decoded body's bytes, or null (a problem recorded) when there are more than {@link #MAX_DECODED}. */
    private static byte[] inMemory(InputStream decoded, List<String> problems) throws IOException {
        byte[] bytes = decoded.readNBytes(MAX_DECODED + 1);
        if (bytes.length > MAX_DECODED) {
            problems.add("transfer-encoded multipart body over " + (MAX_DECODED >> 20) + " MB: read as text");
            return null;
        }
        return bytes;
    }

    /** A body read from shared bytes (the usual case): its parts refer to those bytes, found by {@link PartScanner}. */
    private static List<BodyPart> scanned(InputStream body, SharedInputStream shared, long first, String boundary,
            List<String> problems, int limit) throws IOException, MessagingException {
        body.skipNBytes(first);
        PartScanner.Parts found = PartScanner.scan(body, first, boundary, limit);
        List<BodyPart> out = new ArrayList<>(found.ranges().size());
        int cut = 0;
        for (PartScanner.Range r : found.ranges()) {
            HeaderSectionInput section = HeaderSectionInput.of(shared.newStream(r.start(), r.end()));
            out.add(new MimeBodyPart(section));
            cut += section.cut() ? 1 : 0;
        }
        noteEnd(found.complete(), cut, found.more(), problems);
        return out;
    }

    private static void noteEnd(boolean complete, int cutSections, boolean more, List<String> problems) {
        if (!complete) {
            problems.add("multipart body ends without its closing boundary (truncated?)");
        }
        if (cutSections > 0) {
            problems.add(cutSections + " part(s) with a " + HeaderSectionInput.CUT);
        }
        if (more) {
            noteTooMany(problems);
        }
    }

    /** Records, once a message, that parts were left unread. */
    static void noteTooMany(List<String> problems) {
        if (!problems.contains(TOO_MANY)) {
            problems.add(TOO_MANY);
        }
    }

    /**
     * Where the first line of {@code body} that starts with {@code prefix} (which holds no line break) begins, or -1;
     * closes {@code body}. A line begins after a LF or a CR, as Jakarta Mail reads lines.
     */
    static long boundaryLineAt(InputStream body, String prefix) throws IOException {
        byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
        try (InputStream in = body) {
            byte[] buf = new byte[64 * 1024];
            long read = 0;
            int matched = 0; // bytes of the prefix matched so far on this line; -1: not at a line's start
            for (int n; (n = in.read(buf)) > 0; read += n) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n' || b == '\r') {
                        matched = 0;
                    } else if (matched >= 0) {
                        matched = b == p[matched] ? matched + 1 : -1;
                        if (matched == p.length) {
                            return read + i + 1 - p.length;
                        }
                    }
                }
            }
            return -1;
        }
    }
}
