package io.mailwarden.message;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as 64 lower-case hex digits: what the archive and the state store name a message by. Here, below
 * both, so a {@link RawMessage} can hash itself and an IMAP reader can hash a message piece by piece.
 */
public final class Sha256 {

    private Sha256() {
    }

    /** SHA-256 of {@code bytes}. */
    public static String of(byte[] bytes) {
        return hex(digest().digest(bytes));
    }

    /** SHA-256 of everything {@code in} gives. */
    public static String of(InputStream in) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) != -1;) {
            md.update(buf, 0, n);
        }
        return hex(md);
    }

    /** A new digest to feed in pieces; {@link #hex(MessageDigest)} finishes it. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Finishes {@code md}: the hash of what it was fed. */
    public static String hex(MessageDigest md) {
        return hex(md.digest());
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
