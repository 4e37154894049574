package io.mailwarden.backup.restore;

import io.mailwarden.message.Sha256;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * Bare LF and bare CR made CRLF, as IMAP carries messages and servers give them back; bytes already CRLF are
 * left as they are. For bytes in memory, and as a stream for a spooled message.
 */
final class LineEnds {

    private static final int CHUNK = 64 * 1024;

    private LineEnds() {
    }

    /** {@code raw} with every line ending CRLF: {@code raw} itself when it has no bare one. */
    static byte[] crlf(byte[] raw) {
        if (!hasBare(raw)) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + raw.length / 16);
        try {
            copy(new ByteArrayInputStream(raw), out);
        } catch (IOException e) {
            throw new IllegalStateException("byte array streams do not fail", e);
        }
        return out.toByteArray();
    }

    /**
     * What a stream is once its line ends are made CRLF, read once without keeping it: whether it has a bare
     * line ending (so that it must be converted), and the SHA-256 of the converted bytes (of the stream itself
     * when it has none).
     */
    record Scan(boolean bare, String hash) {
    }

    static Scan scan(InputStream in) throws IOException {
        MessageDigest sha = Sha256.digest();
        long[] written = {0};
        long read = copy(in, new OutputStream() {
            @Override
            public void write(int b) {
                sha.update((byte) b);
                written[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                sha.update(b, off, len);
                written[0] += len;
            }
        });
        return new Scan(written[0] != read, Sha256.hex(sha)); // each bare ending gains a byte
    }

    /** Copies the stream with every line ending made CRLF; returns how many bytes were read. */
    static long copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[CHUNK];
        byte[] converted = new byte[2 * CHUNK + 2];
        boolean cr = false; // the byte before was a CR, not written yet
        long read = 0;
        for (int n; (n = in.read(buf)) > 0;) {
            read += n;
            int k = 0;
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                if (cr) {
                    cr = false;
                    converted[k++] = '\r';
                    converted[k++] = '\n';
                    if (b == '\n') {
                        continue;
                    }
                }
                if (b == '\r') {
                    cr = true;
                } else if (b == '\n') {
                    converted[k++] = '\r';
                    converted[k++] = '\n';
                } else {
                    converted[k++] = b;
                }
            }
            out.write(converted, 0, k);
        }
        if (cr) {
            out.write(new byte[] {'\r', '\n'});
        }
        return read;
    }

    private static boolean hasBare(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            boolean cr = raw[i] == '\r';
            boolean bareCr = cr && (i + 1 == raw.length || raw[i + 1] != '\n');
            if (bareCr || (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r'))) {
                return true;
            }
        }
        return false;
    }
}
