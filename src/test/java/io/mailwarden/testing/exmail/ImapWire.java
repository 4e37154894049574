package io.mailwarden.testing.exmail;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte-level IMAP framing: CRLF lines and {@code {n}} literals. Lines are decoded as ISO-8859-1,
 * so every byte maps to one char and writing the string back gives the same bytes.
 */
final class ImapWire {

    private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)\\+?}$");

    private ImapWire() {
    }

    /** The next line without its CRLF (a lone LF is accepted), or null at end of stream. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    /** The size of the literal that follows this line, or -1 if the line does not end in one. */
    static int literalSize(String line) {
        Matcher m = LITERAL.matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException("stream ended inside a literal of " + n + " octets");
        }
        return bytes;
    }

    static void writeLine(OutputStream out, String line) throws IOException {
        out.write(line.getBytes(StandardCharsets.ISO_8859_1));
        out.write('\r');
        out.write('\n');
    }

    static String elided(int octets) {
        return "<" + octets + " octets>";
    }
}
