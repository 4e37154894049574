package io.mailwarden.account;

import java.util.Locale;

/** How a connection is secured. {@link #NONE} is never a default: it must be written out. */
public enum TlsMode {
    IMPLICIT, STARTTLS, NONE;

    static TlsMode parse(String s) {
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
