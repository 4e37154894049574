package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.Message;
import io.mailwarden.testing.RandomText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.eclipse.angus.mail.util.QPDecoderStream;
import org.junit.jupiter.api.Test;

/** Quoted-printable bodies decoded as Angus Mail decodes them, without its recursion. */
class QuotedPrintableInputTest {

    @Test
    void decodesAsAngusMailDoes() throws IOException {
        String[] pieces = {"=", "A", "f", "3", "0", "x", " ", "  ", "\t", "\r", "\n", "\r\n", "=\r\n", "=\n", "=\r",
            "=3D", "=e4=b8=ad", "=E4=B8=AD", "=G1", "==41", "= \r\n", "中"};
        Random rnd = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            String shown = RandomText.of(rnd, pieces, 30);
            if (shown.length() >= 2 && shown.charAt(shown.length() - 2) == '=') {
                shown += "\n"; // Angus reads the end of the input as a byte 0xFF after "=X": not a behaviour to keep
            }
            byte[] in = shown.getBytes(StandardCharsets.UTF_8);
            assertThat(decode(new QuotedPrintableInput(new ByteArrayInputStream(in)))).as(shown)
                    .isEqualTo(decode(new QPDecoderStream(new ByteArrayInputStream(in))));
        }
    }

    @Test
    void keepsAnEqualsSignBeforeMinusOneAsText() throws IOException {
        // Angus parses "-1" as a number and returns it as the end of the body: the rest was lost
        byte[] qp = "total =-1 yuan, then more".getBytes(StandardCharsets.US_ASCII);

        assertThat(new String(decode(new QuotedPrintableInput(new ByteArrayInputStream(qp))), StandardCharsets.US_ASCII))
                .isEqualTo("total =-1 yuan, then more");
    }

    @Test
    void readsAMessageOfAMillionSoftLineBreaks() {
        String message = "From: a@b.example\r\nSubject: s\r\nMessage-ID: <x@y>\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + "=\r\n".repeat(1_000_000) + "=E4=B8=AD=E6=96=87 ok\r\n";

        Message m = new MessageParser().parse(message.getBytes(StandardCharsets.US_ASCII));

        assertThat(m.text()).isEqualTo("中文 ok");
        assertThat(m.problems()).isEmpty();
    }

    private static byte[] decode(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
