package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.Attachment;
import io.mailwarden.message.Message;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Broken input never throws: what can be read is returned, the rest is listed in problems. */
class BrokenMessageTest {

    @Test
    void findsPartsWhenDeclaredBoundaryIsWrong() {
        Message m = Fixtures.parse("wrong-boundary.eml");

        assertThat(m.text()).isEqualTo("The text is still here.");
        assertThat(m.attachments()).extracting(Attachment::filename).containsExactly("data.bin");
        assertThat(m.attachments().get(0).size()).isEqualTo(6);
        assertThat(m.problems()).anyMatch(p -> p.contains("\"declared-boundary\" not found"));
    }

    @Test
    void guessesMissingBoundaryParameter() {
        Message m = Fixtures.parse("missing-boundary.eml");

        assertThat(m.text()).isEqualTo("Found without a boundary parameter.");
        assertThat(m.problems()).anyMatch(p -> p.contains("without a boundary parameter"));
    }

    @Test
    void readsMultipartWithoutBoundaryLinesAsText() {
        Message m = Fixtures.parse("no-boundary-in-body.eml");

        assertThat(m.text()).isEqualTo("Just text, although the header promised parts.");
        assertThat(m.problems()).containsExactly("multipart body without any boundary line: read as text");
    }

    @Test
    void keepsTruncatedBase64Attachment() {
        Message m = Fixtures.parse("truncated-base64.eml");

        assertThat(m.text()).isEqualTo("See the attached scan.");
        assertThat(m.attachments()).hasSize(1);
        Attachment scan = m.attachments().get(0);
        assertThat(scan.filename()).isEqualTo("scan.pdf");
        assertThat(scan.mediaType()).isEqualTo("application/pdf");
        assertThat(scan.size()).isBetween(700L, 800L);
        assertThat(scan.extractedText()).isEmpty();
        assertThat(m.problems()).anyMatch(p -> p.contains("without its closing boundary"));
    }

    @Test
    void readsMessageWithoutHeadersAsText() {
        Message m = Fixtures.parse("no-headers.eml");

        assertThat(m.text()).isEqualTo("Just some text that someone saved without any headers.\nSecond line.");
        assertThat(m.subject()).isEmpty();
        assertThat(m.headers().all()).isEmpty();
        assertThat(m.problems()).containsExactly("no header fields: the whole message was read as text");
    }

    @Test
    void survivesGarbageBytes() {
        Message m = Fixtures.parse("garbage.eml");

        assertThat(m.subject()).isEmpty();
        assertThat(m.from()).isEmpty();
        assertThat(m.date()).isNull();
        assertThat(m.size()).isEqualTo(600);
        assertThat(m.problems()).isNotEmpty();
    }

    @Test
    void survivesRandomBytes() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] raw = new byte[random.nextInt(2000)];
            random.nextBytes(raw);
            Message m = new MessageParser().parse(raw);
            assertThat(m.size()).isEqualTo(raw.length);
        }
    }

    @Test
    void survivesMangledRealMessages() {
        String[] names = {"attachment-filenames.eml", "forwarded-rfc822.eml", "nested-30.eml", "addresses.eml"};
        Random random = new Random(7);
        for (String name : names) {
            byte[] original = Fixtures.bytes(name);
            for (int cut = 0; cut < original.length; cut += 17) {
                byte[] raw = java.util.Arrays.copyOf(original, cut);
                if (cut > 0) {
                    raw[random.nextInt(cut)] = (byte) random.nextInt(256);
                }
                assertThat(new MessageParser().parse(raw)).isNotNull();
            }
        }
    }

    @Test
    void reportsMissingMessageIdAndUnreadableDate() {
        Message m = Fixtures.parse("missing-id-bad-date.eml");

        assertThat(m.messageId()).isEmpty();
        assertThat(m.date()).isNull();
        assertThat(m.subject()).isEqualTo("no id");
        assertThat(m.text()).isEqualTo("Still readable.");
        assertThat(m.problems()).containsExactly(
                "no Message-ID header", "unreadable Date header: sometime last week");
    }

    @Test
    void stopsAtDeepNestingButKeepsOuterText() {
        Message m = Fixtures.parse("nested-30.eml");

        assertThat(m.text()).isEqualTo("outer text");
        assertThat(m.problems()).containsExactly(
                "multipart nesting deeper than " + MessageParser.MAX_DEPTH + " levels was not read");
    }

    @Test
    void survivesThousandsOfNestedLevels() {
        StringBuilder sb = new StringBuilder("Message-ID: <deep@x>\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int i = 1; i < 3000; i++) {
            sb.append("--b").append(i - 1).append("\r\nContent-Type: multipart/mixed; boundary=\"b")
                    .append(i).append("\"\r\n\r\n");
        }
        Message m = new MessageParser().parse(sb.toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(m.problems()).isNotEmpty();
    }

    @Test
    void keepsPartWithUnknownTransferEncoding() {
        String raw = """
                Message-ID: <enc@x>
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain; charset=utf-8

                readable
                --b
                Content-Type: application/pdf; name="a.pdf"
                Content-Transfer-Encoding: x-made-up

                %PDF
                --b--
                """.replace("\n", "\r\n");
        Message m = new MessageParser().parse(raw.getBytes(StandardCharsets.US_ASCII));

        assertThat(m.text()).isEqualTo("readable");
        assertThat(m.attachments()).extracting(Attachment::filename).containsExactly("a.pdf");
    }
}
