package io.mailwarden.message;

import java.util.Locale;

/**
 * One mailbox from an address header.
 *
 * @param address the addr-spec as written ({@code billing@vendor.example}); never null, may be empty for groups
 * @param name the decoded display name, or an empty string
 */
public record Address(String address, String name) {

    public Address {
        address = address == null ? "" : address.strip();
        name = name == null ? "" : name.strip();
    }

    /** The part before the last {@code @}, or the whole address when there is none. */
    public String local() {
        int at = address.lastIndexOf('@');
        return at < 0 ? address : address.substring(0, at);
    }

    /** The domain after the last {@code @}, lower-cased, or an empty string. */
    public String domain() {
        int at = address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return name.isEmpty() ? address : name + " <" + address + ">";
    }
}
