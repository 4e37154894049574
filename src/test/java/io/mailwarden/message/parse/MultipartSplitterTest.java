package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.Message;
import io.mailwarden.message.RawMessage;
import io.mailwarden.testing.RandomText;
import jakarta.activation.DataSource;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartSplitterTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    private static InputStream b(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void findsABoundaryOnlyAtTheStartOfALine() throws IOException {
        assertThat(MultipartSplitter.boundaryLineAt(b("--b1\r\nx"), "--b1")).isZero();
        assertThat(MultipartSplitter.boundaryLineAt(b("preamble\r\n--b1\r\n"), "--b1")).isEqualTo(10);
        assertThat(MultipartSplitter.boundaryLineAt(b("text --b1 inside a line\r\n"), "--b1")).isEqualTo(-1);
        assertThat(MultipartSplitter.boundaryLineAt(b("ends with\n--b"), "--b1")).isEqualTo(-1);
        assertThat(MultipartSplitter.boundaryLineAt(b(""), "--")).isEqualTo(-1);
        assertThat(MultipartSplitter.boundaryLineAt(b("a\n-x\n--b1"), "--b1")).isEqualTo(5);
        assertThat(MultipartSplitter.boundaryLineAt(b("old mac\r--b1\r"), "--b1")).isEqualTo(8); // a lone CR ends a line
    }

    @Test
    void findsThePartsJakartaMailFindsWithoutReadingThePreambleIntoMemory() throws Exception {
        // the splitter hands Jakarta Mail the body from its first boundary line on: the same parts, no preamble held
        String[] pieces = {"--b1", "--b1--", "--b2", "--", "-----", "\r\n", "\n", "\r", " ", "\t", "preamble text",
            "Content-Type: text/plain", "X-A: b", "body", "\r\n\r\n", "\r\n--b1\r\n", "\r\n--b1\r\n", "\n--b1 \n",
            "\r\n--b1--\r\n", "\r\n--b2\r\n", "--b1\t \r\n", "--b1-", "--b1--x", "\r\r\n", "\r\r", "\r\n--zz\r\n"};
        Random rnd = new Random(11);
        for (int i = 0; i < 30_000; i++) {
            String body = RandomText.of(rnd, pieces, 30);
            String param = rnd.nextInt(4) == 0 ? null : "b1";
            byte[] raw = ("Content-Type: multipart/mixed" + (param == null ? "" : "; boundary=" + param) + "\r\n\r\n" + body)
                    .getBytes(StandardCharsets.ISO_8859_1);
            String shown = body.replace("\r", "\\r").replace("\n", "\\n");
            List<String> problems = new ArrayList<>();
            List<String> split;
            try {
                split = describe(MultipartSplitter.split(message(raw), param, problems, Integer.MAX_VALUE));
            } catch (RuntimeException e) {
                split = List.of(e.toString());
            }
            if (problems.contains("multipart body without any boundary line: read as text")) {
                continue;
            }
            boolean guessed = problems.stream().anyMatch(p -> p.contains("guessed"));
            MimeMessage reference = message(raw);
            MimeMultipart whole = new MimeMultipart(new Whole(reference, guessed ? "multipart/mixed"
                    : "multipart/mixed; boundary=\"" + param + "\""));
            List<String> expected;
            try {
                List<BodyPart> parts = new ArrayList<>();
                for (int p = 0; p < whole.getCount(); p++) {
                    parts.add(whole.getBodyPart(p));
                }
                expected = describe(parts);
                assertThat(problems.contains("multipart body ends without its closing boundary (truncated?)"))
                        .as(shown).isEqualTo(!whole.isComplete());
            } catch (MessagingException e) {
                expected = List.of();
            } catch (IndexOutOfBoundsException e) {
                // Jakarta Mail fails on a part that opens with blank lines, then a folded one; the splitter reads it
                assertThat(split).as(shown).noneMatch(p -> p.contains("Exception"));
                continue;
            }
            assertThat(split).as("%s, boundary %s", shown, param).isEqualTo(expected);
            // and the same ranges whatever the buffer: a few bytes make it slide and grow all the time
            byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
            assertThat(PartScanner.scan(new ByteArrayInputStream(bytes), 0, param, Integer.MAX_VALUE, 1 + rnd.nextInt(8)))
                    .as(shown).isEqualTo(PartScanner.scan(new ByteArrayInputStream(bytes), 0, param, Integer.MAX_VALUE));
        }
    }

    @Test
    void readsAtMostTenThousandPartsOfAMessageNestedOnesIncluded() {
        // each part costs about 2 KB of headers: 250,000 tiny parts in 10 MB filled a 512 MB heap
        String part = "--q\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\nx\r\n";
        String flat = "Content-Type: multipart/mixed; boundary=q\r\n\r\n" + part.repeat(12_000) + "--q--\r\n";
        Message m = new MessageParser().parse(("Message-ID: <m@x>\r\n" + flat).getBytes(StandardCharsets.US_ASCII));

        assertThat(m.attachments()).hasSize(MultipartSplitter.MAX_PARTS);
        assertThat(m.problems()).containsOnlyOnce(MultipartSplitter.TOO_MANY);

        String inner = "Content-Type: multipart/mixed; boundary=q\r\n\r\n" + part.repeat(4_000) + "--q--\r\n";
        String nested = "Message-ID: <n@x>\r\nContent-Type: multipart/mixed; boundary=outer\r\n\r\n"
                + ("--outer\r\n" + inner).repeat(3) + "--outer--\r\n";
        Message n = new MessageParser().parse(nested.getBytes(StandardCharsets.US_ASCII));

        assertThat(n.attachments()).hasSize(MultipartSplitter.MAX_PARTS - 3); // the three inner multiparts are parts too
        assertThat(n.problems()).containsOnlyOnce(MultipartSplitter.TOO_MANY);
    }

    @Test
    void readsAtMostTenThousandPartsOfATransferEncodedMultipart() {
        // Jakarta Mail decodes a multipart only when it cannot parse its type ("; foo"): split from the decoded bytes
        String part = "--q\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\nx\r\n";
        String body = java.util.Base64.getMimeEncoder().encodeToString(
                (part.repeat(12_000) + "--q--\r\n").getBytes(StandardCharsets.US_ASCII));
        Message m = new MessageParser().parse(("Message-ID: <b@x>\r\nContent-Type: multipart/mixed; boundary=q; foo\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + body + "\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(m.attachments()).hasSize(MultipartSplitter.MAX_PARTS);
        assertThat(m.problems()).containsOnlyOnce(MultipartSplitter.TOO_MANY);
    }

    @Test
    void decodesAMultipartBodyThatClaimsBase64AndUsesIt() throws IOException {
        // MIME allows no encoding on a multipart, so Jakarta Mail ignores it: the parts were lost in base64 "text"
        String parts = "--q\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n发票已开\r\n--q\r\nContent-Type: text/plain\r\n"
                + "Content-Disposition: attachment; filename=a.txt\r\n\r\nfile\r\n--q--\r\n";
        String base64 = java.util.Base64.getMimeEncoder().encodeToString(parts.getBytes(StandardCharsets.UTF_8));
        byte[] raw = ("Message-ID: <e@x>\r\nContent-Type: multipart/mixed; boundary=q\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + base64 + "\r\n").getBytes(StandardCharsets.US_ASCII);
        Message m = new MessageParser().parse(raw);

        assertThat(m.text()).isEqualTo("发票已开");
        assertThat(m.attachments()).extracting(a -> a.filename()).containsExactly("a.txt");
        assertThat(m.problems()).contains("multipart body in base64, which MIME does not allow: decoded to find its parts");
        try (InputStream file = AttachmentBytes.open(RawMessage.of(raw), 0).orElseThrow()) {
            assertThat(file.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("file");
        }
    }

    @Test
    void decodesAMultipartBodyThatClaimsQuotedPrintableWhenItsBoundaryIsOnlyInTheDecodedBody() throws Exception {
        // Jakarta Mail's own boundaries have an "=" in them, which quoted-printable writes as "=3D"
        String boundary = "----=_Part_7_1234.5678";
        String parts = "--" + boundary + "\r\nContent-Type: text/plain; charset=\"UTF-8\"\r\n\r\n发票已开\r\n--" + boundary
                + "\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"a=b.txt\"\r\n\r\nx=1\r\n--"
                + boundary + "--\r\n";
        ByteArrayOutputStream qp = new ByteArrayOutputStream();
        try (OutputStream out = jakarta.mail.internet.MimeUtility.encode(qp, "quoted-printable")) {
            out.write(parts.getBytes(StandardCharsets.UTF_8));
        }
        String head = "Message-ID: <q@x>\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
        byte[] raw = (head + qp.toString(StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(raw, StandardCharsets.US_ASCII)).doesNotContain("--" + boundary);
        Message m = new MessageParser().parse(raw);

        assertThat(m.text()).isEqualTo("发票已开");
        assertThat(m.attachments()).extracting(a -> a.filename()).containsExactly("a=b.txt");
        assertThat(m.problems()).containsExactly(
                "multipart body in quoted-printable, which MIME does not allow: decoded to find its parts");
        try (InputStream file = AttachmentBytes.open(RawMessage.of(raw), 0).orElseThrow()) {
            assertThat(file.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("x=1");
        }

        // the same parts written as they are under the same claim: read as written, nothing decoded
        Message asWritten = new MessageParser().parse((head + parts).getBytes(StandardCharsets.UTF_8));
        assertThat(asWritten.text()).isEqualTo("发票已开");
        assertThat(asWritten.problems()).isEmpty();
    }

    @Test
    void readsAMultipartThatClaimsBase64AndDoesNotUseItAsWritten() {
        String raw = "Message-ID: <g@x>\r\nContent-Type: multipart/mixed; boundary=q\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "--q\r\nContent-Type: text/plain\r\n\r\nplain text\r\n--q--\r\n";
        Message m = new MessageParser().parse(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(m.text()).isEqualTo("plain text");
        assertThat(m.problems()).isEmpty();

        // base64 that holds no parts either: read as the text it is, and not said to have been decoded
        String noParts = "Message-ID: <h@x>\r\nContent-Type: multipart/mixed; boundary=q\r\nContent-Transfer-Encoding: base64"
                + "\r\n\r\n" + java.util.Base64.getEncoder().encodeToString("no parts here".getBytes(StandardCharsets.US_ASCII))
                + "\r\n";
        Message n = new MessageParser().parse(noParts.getBytes(StandardCharsets.US_ASCII));

        assertThat(n.problems()).containsExactly("multipart body without any boundary line: read as text");
    }

    private static MimeMessage message(byte[] raw) throws MessagingException {
        return new MimeMessage(SESSION, new SharedByteArrayInputStream(raw));
    }

    private static List<String> describe(List<BodyPart> parts) throws MessagingException, IOException {
        List<String> out = new ArrayList<>();
        for (BodyPart p : parts) {
            StringBuilder d = new StringBuilder();
            for (Header h : Collections.list(p.getAllHeaders())) {
                d.append(h.getName()).append('=').append(h.getValue()).append(';');
            }
            try (InputStream in = ((MimeBodyPart) p).getRawInputStream()) {
                out.add(d.append('|').append(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).toString());
            }
        }
        return out;
    }

    /** The whole body, preamble included, as the splitter handed it to Jakarta Mail before. */
    private record Whole(MimeMessage message, String getContentType) implements DataSource {
        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return message.getInputStream();
            } catch (MessagingException e) {
                throw new IOException(e);
            }
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException();
        }

        @Override
        public String getName() {
            return "whole body";
        }
    }
}
