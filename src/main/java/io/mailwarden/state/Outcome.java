package io.mailwarden.state;

/** How the last attempt to carry out a message's plan ended. */
public enum Outcome {
    /** The plan was carried out; the message must never be handled again. */
    DONE,
    /** The plan failed; the daemon may retry it a bounded number of times. */
    FAILED
}
