package io.mailwarden.plugin;

/** A compiled condition. Must be cheap and free of side effects on the mail: it runs for every message. */
public interface Condition {

    boolean test(Facts facts);

    /**
     * Why the condition holds for these facts, in words an admin reads in {@code rules test} and the
     * audit trail. Called only after {@link #test} returned true, so it may be slower.
     */
    String explain(Facts facts);

    /**
     * Whether {@link #test} reads the message body: its text, its attachments' text or the raw message.
     * A condition that reads only header fields, addresses, subject, date, size, flags, keywords,
     * folder, account and the attachments' names, types and sizes answers false: the daemon may then
     * fetch only the header section and the MIME structure (BODYSTRUCTURE), and such a message has an
     * empty {@code text()} and attachments without text. The default, true, is always safe; a condition
     * that combines others needs the body when one of them does.
     */
    default boolean needsBody() {
        return true;
    }
}
