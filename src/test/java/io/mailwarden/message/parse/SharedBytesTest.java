package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.SharedInputStream;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SharedBytesTest {

    @Test
    void behavesAsJakartaMailsSharedByteArrayInputStreamUnderRandomUse() throws IOException {
        Random rnd = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[rnd.nextInt(200)];
            rnd.nextBytes(bytes);
            InputStream ours = new SharedBytes(bytes);
            InputStream theirs = new SharedByteArrayInputStream(bytes);
            List<String> a = new ArrayList<>();
            List<String> b = new ArrayList<>();
            int length = bytes.length; // of the current stream: parts are asked for within their parent
            for (int step = 0; step < 40; step++) {
                int op = rnd.nextInt(8);
                int n = rnd.nextInt(30);
                long from = rnd.nextInt(length + 1);
                long to = rnd.nextBoolean() ? -1 : from + rnd.nextInt(length + 1 - (int) from);
                a.add(apply(ours, op, n, from, to));
                b.add(apply(theirs, op, n, from, to));
                if (op == 7) { // go on inside the new stream, as the parsers do with parts
                    ours = ((SharedInputStream) ours).newStream(from, to);
                    theirs = ((SharedInputStream) theirs).newStream(from, to);
                    length = (int) ((to == -1 ? length : to) - from);
                }
            }
            assertThat(a).as("round %d", round).isEqualTo(b);
        }
    }

    private static String apply(InputStream in, int op, int n, long from, long to) throws IOException {
        return switch (op) {
            case 0 -> "read " + in.read();
            case 1 -> {
                byte[] buf = new byte[n];
                int got = in.read(buf, 0, n);
                yield "read[] " + got + " " + java.util.Arrays.toString(java.util.Arrays.copyOf(buf, Math.max(got, 0)));
            }
            case 2 -> "skip " + in.skip(n);
            case 3 -> "available " + in.available();
            case 4 -> {
                in.mark(n);
                yield "mark";
            }
            case 5 -> {
                in.reset();
                yield "reset";
            }
            case 6 -> "position " + ((SharedInputStream) in).getPosition();
            default -> "new " + from + ".." + to + ": " + java.util.Arrays.toString(
                    ((SharedInputStream) in).newStream(from, to).readAllBytes());
        };
    }
}
