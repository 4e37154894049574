package io.mailwarden.plugin.exec;

/** An exec plugin misbehaved: it could not start, timed out, failed, or answered something unreadable. */
public class ExecException extends Exception {

    public ExecException(String message) {
        super(message);
    }
}
