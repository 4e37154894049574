package io.mailwarden.state;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The content hash the state store keys messages by: SHA-256 of the raw RFC 5322 bytes, lower-case hex. */
public final class ContentHash {

    private ContentHash() {
    }

    /** SHA-256 of {@code raw}, as 64 lower-case hex digits. */
    public static String of(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
