package io.mailwarden.web.api;

import io.mailwarden.daemon.DaemonLauncher;

/** The API serves the archive the running daemon holds open; without one it answers 503. */
final class Archives {

    private Archives() {
    }

    static void requireOpen(DaemonLauncher launcher) {
        if (launcher.archive() == null) {
            throw ApiException.unavailable("the archive is not open: the daemon is not running, is starting,"
                    + " or runs with mailwarden.archive.enabled=false");
        }
    }
}
