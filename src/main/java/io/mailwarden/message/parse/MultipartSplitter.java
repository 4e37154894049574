package io.mailwarden.message.parse;

import jakarta.activation.DataSource;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.SharedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a multipart body into its parts, surviving a boundary parameter that is missing or does not
 * match the body (Jakarta Mail then returns no parts at all, losing the whole text). The body is read as
 * a stream: parsed from shared bytes, the parts refer to the message's bytes instead of copying them, so
 * a message of any size is held once.
 */
final class MultipartSplitter {

    private MultipartSplitter() {
    }

    /** The parts, or an empty list when the body holds no boundary line at all; problems are recorded. */
    static List<BodyPart> split(Part part, String boundary, List<String> problems) throws IOException, MessagingException {
        long first = boundaryLineAt(part.getInputStream(), "--");
        if (first < 0) {
            problems.add("multipart body without any boundary line: read as text");
            return List.of();
        }
        String declared = boundary;
        if (declared == null) {
            problems.add("multipart without a boundary parameter; boundary guessed from the body");
        } else {
            long at = boundaryLineAt(part.getInputStream(), "--" + declared);
            if (at < 0) {
                problems.add("multipart boundary \"" + declared + "\" not found in the body; guessed from the body");
                declared = null;
            } else {
                first = at;
            }
        }
        try (InputStream body = part.getInputStream()) {
            if (body instanceof SharedInputStream shared) {
                return scanned(body, shared, first, declared, problems);
            }
        }
        String type = declared == null ? "multipart/mixed" : "multipart/mixed; boundary=\"" + declared + "\"";
        try {
            BoundedMultipart mp = new BoundedMultipart(new Body(part, type, first));
            List<BodyPart> out = new ArrayList<>(mp.getCount());
            for (int i = 0; i < mp.getCount(); i++) {
                out.add(mp.getBodyPart(i));
            }
            noteEnd(mp.isComplete(), mp.cut, problems);
            return out;
        } catch (MessagingException e) {
            problems.add("multipart body unreadable: " + e.getMessage());
            return List.of();
        }
    }

    /** A body read from shared bytes (the usual case): its parts refer to those bytes, found by {@link PartScanner}. */
    private static List<BodyPart> scanned(InputStream body, SharedInputStream shared, long first, String boundary,
            List<String> problems) throws IOException, MessagingException {
        body.skipNBytes(first);
        PartScanner.Parts found = PartScanner.scan(body, first, boundary);
        List<BodyPart> out = new ArrayList<>(found.ranges().size());
        int cut = 0;
        for (PartScanner.Range r : found.ranges()) {
            HeaderSectionInput section = HeaderSectionInput.of(shared.newStream(r.start(), r.end()));
            out.add(new MimeBodyPart(section));
            cut += section.cut() ? 1 : 0;
        }
        noteEnd(found.complete(), cut, problems);
        return out;
    }

    private static void noteEnd(boolean complete, int cutSections, List<String> problems) {
        if (!complete) {
            problems.add("multipart body ends without its closing boundary (truncated?)");
        }
        if (cutSections > 0) {
            problems.add(cutSections + " part(s) with a " + HeaderSectionInput.CUT);
        }
    }

    /** Jakarta Mail's multipart parser, with each part's header section read through {@link HeaderSectionInput}. */
    private static final class BoundedMultipart extends MimeMultipart {

        private int cut;

        BoundedMultipart(DataSource body) throws MessagingException {
            super(body);
        }

        @Override
        protected InternetHeaders createInternetHeaders(InputStream is) throws MessagingException {
            HeaderSectionInput section = HeaderSectionInput.of(is);
            return counted(new InternetHeaders(section), section);
        }

        @Override
        protected MimeBodyPart createMimeBodyPart(InputStream is) throws MessagingException {
            HeaderSectionInput section = HeaderSectionInput.of(is);
            return counted(new MimeBodyPart(section), section);
        }

        private <T> T counted(T parsed, HeaderSectionInput section) {
            if (section.cut()) {
                cut++;
            }
            return parsed;
        }
    }

    /**
     * A body that is not shared bytes (the multipart itself was transfer-encoded) under the multipart type chosen here
     * (the declared one may be wrong), from its first boundary line: Jakarta Mail would keep the preamble in memory.
     */
    private record Body(Part part, String getContentType, long firstBoundary) implements DataSource {
        @Override
        public InputStream getInputStream() throws IOException {
            try {
                InputStream in = part.getInputStream();
                in.skipNBytes(firstBoundary);
                return in;
            } catch (MessagingException e) {
                throw new IOException(e.getMessage(), e);
            }
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
