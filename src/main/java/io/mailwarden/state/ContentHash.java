package io.mailwarden.state;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The content hash the state store keys messages by: SHA-256 of the raw RFC 5322 bytes, lower-case hex. */
public final class ContentHash {

    private ContentHash() {
    }

    /** SHA-256 of everything {@code in} gives, as 64 lower-case hex digits. */
    public static String of(java.io.InputStream in) throws java.io.IOException {
        MessageDigest md = sha256();
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) != -1;) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 of {@code raw}, as 64 lower-case hex digits. */
    public static String of(byte[] raw) {
        return HexFormat.of().formatHex(sha256().digest(raw));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
