package io.mailwarden.state;

import io.mailwarden.message.Sha256;
import java.io.IOException;
import java.io.InputStream;

/**
 * The content hash the state store keys messages by: SHA-256 of the raw RFC 5322 bytes, lower-case hex. The
 * same as {@link io.mailwarden.message.RawMessage#sha256()}: both are {@link Sha256}.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /** SHA-256 of everything {@code in} gives, as 64 lower-case hex digits. */
    public static String of(InputStream in) throws IOException {
        return Sha256.of(in);
    }

    /** SHA-256 of {@code raw}, as 64 lower-case hex digits. */
    public static String of(byte[] raw) {
        return Sha256.of(raw);
    }
}
