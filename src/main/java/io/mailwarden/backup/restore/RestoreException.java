package io.mailwarden.backup.restore;

import java.io.IOException;

/** The restore stopped before the end (the server stayed unreachable); rerunning it is always safe. */
public final class RestoreException extends IOException {

    private final transient RestoreReport soFar;

    RestoreException(String message, RestoreReport soFar, Throwable cause) {
        super(message, cause);
        this.soFar = soFar;
    }

    /** What was done before it stopped. */
    public RestoreReport soFar() {
        return soFar;
    }
}
