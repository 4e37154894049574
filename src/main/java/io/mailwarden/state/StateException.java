package io.mailwarden.state;

/**
 * The state store could not do what was asked. The message says what failed, for which account and
 * folder, in words an admin can act on; the SQL details stay in the cause (for the log at debug level).
 */
public class StateException extends RuntimeException {

    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
