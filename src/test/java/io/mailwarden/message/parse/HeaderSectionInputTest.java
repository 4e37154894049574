package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.Message;
import io.mailwarden.message.RawMessage;
import io.mailwarden.testing.RandomText;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Header sections read through a cap: under it exactly as Jakarta Mail reads them, over it cut where the body stays. */
class HeaderSectionInputTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String[] PIECES = {"Subject: a", "X-A: b", "To: c@d.example", " folded", "\tmore", "word ", ":",
        "中文", "\r\n", "\n", "\r", "\r\r\n", "\r\n\r\n", " ", "\t"};

    @Test
    void readsEveryHeaderSectionUnderTheCapAsJakartaMailDoes() throws Exception {
        Random rnd = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            byte[] raw = randomMessage(rnd);
            String shown = shown(raw);
            HeaderSectionInput section = HeaderSectionInput.of(new SharedByteArrayInputStream(raw), 1 << 20);
            Parsed bounded = parse(section);
            assertThat(section.cut()).isFalse();
            try {
                assertThat(bounded).as(shown).isEqualTo(parse(new SharedByteArrayInputStream(raw)));
            } catch (IndexOutOfBoundsException e) {
                // Jakarta Mail fails on blank lines, then a folded one: they are read as if they were not there
                String text = new String(raw, StandardCharsets.UTF_8);
                String without = text.replaceFirst("^([ \t]+(\r\n|\r\r\n|\n|\r))+", "");
                assertThat(without).as(shown).isNotEqualTo(text);
                assertThat(bounded).as(shown)
                        .isEqualTo(parse(new SharedByteArrayInputStream(without.getBytes(StandardCharsets.UTF_8))));
            }
        }
    }

    @Test
    void aCutSectionEndsWhereTheBodyBegins() throws Exception {
        // whatever the line ends and wherever the cap falls, the body is the body Jakarta Mail finds uncut
        Random rnd = new Random(8);
        for (int i = 0; i < 20_000; i++) {
            byte[] raw = randomMessage(rnd);
            String shown = shown(raw);
            Parsed plain;
            try {
                plain = parse(new SharedByteArrayInputStream(raw));
            } catch (IndexOutOfBoundsException e) {
                continue; // Jakarta Mail cannot read it uncut (see above)
            }
            int cap = rnd.nextInt(40);
            HeaderSectionInput section = HeaderSectionInput.of(new SharedByteArrayInputStream(raw), cap);
            Parsed cut = parse(section);

            assertThat(cut.body()).as("cap %d: %s", cap, shown).isEqualTo(plain.body());
            // the header the cap fell in may be cut short; those before it are whole
            List<String> whole = cut.headers().subList(0, Math.max(0, cut.headers().size() - 1));
            assertThat(plain.headers().subList(0, whole.size())).as("cap %d: %s", cap, shown).isEqualTo(whole);
        }
    }

    @Test
    void readsHeadersThatOpenWithABlankLineAndAFoldedOne() {
        // Jakarta Mail threw IndexOutOfBoundsException here: the message lost its headers, the multipart every part
        String raw = " \r\n\tcontinued\r\nFrom: a@b.example\r\nSubject: hi\r\nMessage-ID: <f@b.example>\r\n"
                + "Content-Type: multipart/mixed; boundary=q\r\n\r\n--q\r\n\t\r\n folded\r\nContent-Type: text/plain\r\n\r\n"
                + "part text\r\n--q\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=b.txt\r\n\r\n"
                + "file\r\n--q--\r\n";
        Message m = new MessageParser().parse(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(m.subject()).isEqualTo("hi");
        assertThat(m.text()).isEqualTo("part text");
        assertThat(m.attachments()).extracting(a -> a.filename()).containsExactly("b.txt");
        assertThat(m.problems()).noneMatch(p -> p.contains("unreadable"));
    }

    @Test
    void keepsTheBodyOfAMessageWithA3MegabyteSubject() {
        String subject = "word word word word word word word\r\n ".repeat(100_000);
        Message m = new MessageParser().parse(("From: boss@corp.example\r\nMessage-ID: <big@corp.example>\r\nSubject: "
                + subject + "end\r\nTo: team@corp.example\r\n\r\nthe body is here\r\n").getBytes(StandardCharsets.US_ASCII));

        assertThat(m.subject().length()).isBetween(900_000, HeaderSectionInput.MAX_BYTES); // unfolded: less than the bytes
        assertThat(m.messageId()).isEqualTo("<big@corp.example>");
        assertThat(m.from().getFirst().address()).isEqualTo("boss@corp.example");
        assertThat(m.text()).isEqualTo("the body is here");
        assertThat(m.problems()).contains(HeaderSectionInput.CUT);
    }

    @Test
    void cutsAPartsHeaderSectionAndKeepsItsTextAndTheNextPart() throws IOException {
        byte[] raw = ("From: a@b.example\r\nMessage-ID: <p@b.example>\r\nSubject: parts\r\n"
                + "Content-Type: multipart/mixed; boundary=\"q\"\r\n\r\n--q\r\nContent-Type: text/plain\r\n"
                + ("X-Filler: " + "y".repeat(990) + "\r\n").repeat(3_000) + "\r\nhello part\r\n"
                + "--q\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"a.txt\"\r\n\r\nfile text\r\n"
                + "--q--\r\n").getBytes(StandardCharsets.US_ASCII);
        Message m = new MessageParser().parse(raw);

        assertThat(m.text()).isEqualTo("hello part");
        assertThat(m.attachments()).extracting(a -> a.filename()).containsExactly("a.txt");
        assertThat(m.problems()).contains("1 part(s) with a " + HeaderSectionInput.CUT);
        // the attachment's bytes are found under the same number the parser gave it
        try (InputStream in = AttachmentBytes.open(RawMessage.of(raw), 0).orElseThrow()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("file text");
        }
    }

    /** Random header lines, with every line end Jakarta Mail knows, then a body. */
    private static byte[] randomMessage(Random rnd) {
        return (RandomText.of(rnd, PIECES, 20) + "\r\nthe body\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String shown(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8).replace("\r", "\\r").replace("\n", "\\n");
    }

    private static Parsed parse(InputStream in) throws MessagingException, IOException {
        MimeMessage m = new MimeMessage(SESSION, in);
        List<String> headers = new ArrayList<>();
        for (Header h : Collections.list(m.getAllHeaders())) {
            headers.add(h.getName() + "=" + h.getValue());
        }
        try (InputStream body = m.getRawInputStream()) {
            return new Parsed(headers, new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private record Parsed(List<String> headers, String body) {
    }
}
