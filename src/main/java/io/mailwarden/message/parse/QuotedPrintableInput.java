package io.mailwarden.message.parse;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Decodes a quoted-printable body as Angus Mail's decoder does — {@code =XX} is the byte, a soft line break
 * ({@code =} before CRLF, LF or a lone CR) is nothing, spaces before a line break or the end are dropped, any other
 * {@code =} is kept as it is — with two differences: it loops where Angus recursed once per soft line break (a
 * body of 100,000 of them in a row overflowed the stack of the thread parsing it), and it keeps {@code =-1} as text
 * where Angus read a number, −1, and took it for the end of the body.
 */
final class QuotedPrintableInput extends InputStream {

    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int limit;
    /** Spaces read ahead and not yet returned (they were followed by something other than a line break). */
    private int spaces;

    QuotedPrintableInput(InputStream in) {
        this.in = in;
    }

    /**
     * The part's body, decoded: by this class when it is quoted-printable, else by Jakarta Mail (which, as here,
     * leaves a multipart's or a message's body alone whatever encoding it claims).
     */
    static InputStream decoded(Part part) throws MessagingException, IOException {
        if (part instanceof MimePart p && p.getEncoding() != null
                && p.getEncoding().toLowerCase(Locale.ROOT).equals("quoted-printable")
                && !p.isMimeType("multipart/*") && !p.isMimeType("message/*")) {
            InputStream raw = switch (p) {
                case MimeBodyPart b -> b.getRawInputStream();
                case MimeMessage m -> m.getRawInputStream();
                default -> null;
            };
            if (raw != null) {
                return new QuotedPrintableInput(raw);
            }
        }
        return part.getInputStream();
    }

    @Override
    public int read() throws IOException {
        while (true) {
            if (spaces > 0) {
                spaces--;
                return ' ';
            }
            int c = next();
            if (c == ' ') {
                int run = 1;
                while (peek(0) == ' ') {
                    pos++;
                    run++;
                }
                int after = peek(0);
                if (after == '\r' || after == '\n' || after == -1) {
                    continue; // trailing spaces: dropped
                }
                spaces = run - 1;
                return ' ';
            }
            if (c != '=') {
                return c;
            }
            int a = peek(0);
            if (a == '\n') {
                pos++;
                continue; // soft line break
            }
            if (a == '\r') {
                pos++;
                if (peek(0) == '\n') {
                    pos++;
                }
                continue;
            }
            if (a == -1) {
                return -1;
            }
            int high = Character.digit(a, 16);
            int low = Character.digit(peek(1), 16);
            if (high < 0 || low < 0) {
                return '='; // not an escape: the characters after it are read as they are
            }
            pos += 2;
            return high << 4 | low;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = 0;
        while (n < len) {
            int c = read();
            if (c < 0) {
                break;
            }
            b[off + n++] = (byte) c;
        }
        return n == 0 ? -1 : n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int next() throws IOException {
        int c = peek(0);
        if (c >= 0) {
            pos++;
        }
        return c;
    }

    /** The byte {@code ahead} places after the next, without taking it; -1 at the end. */
    private int peek(int ahead) throws IOException {
        if (pos + ahead >= limit) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
            while (limit <= ahead) {
                int n = in.read(buf, limit, buf.length - limit);
                if (n < 0) {
                    return -1;
                }
                limit += n;
            }
        }
        return buf[pos + ahead] & 0xff;
    }
}
