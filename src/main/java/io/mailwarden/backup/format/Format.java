package io.mailwarden.backup.format;

import java.util.Locale;

/** The standard formats mailwarden exports to and reads from. */
public enum Format {
    /** mboxrd, one file per folder. */
    MBOX,
    /** Maildir++, one tree per account. */
    MAILDIR,
    /** One .eml file per message, folders as directories. */
    EML;

    /** The format named {@code name} (any case). */
    public static Format parse(String name) {
        for (Format f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "': mbox, maildir or eml");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
