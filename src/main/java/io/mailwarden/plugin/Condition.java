package io.mailwarden.plugin;

/** A compiled condition. Must be cheap and free of side effects on the mail: it runs for every message. */
public interface Condition {

    boolean test(Facts facts);

    /**
     * Why the condition holds for these facts, in words an admin reads in {@code rules test} and the
     * audit trail. Called only after {@link #test} returned true, so it may be slower.
     */
    String explain(Facts facts);
}
