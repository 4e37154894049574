package io.mailwarden.testing.exmail;

import java.util.concurrent.atomic.AtomicInteger;

/** What the proxy tracks about one client connection; written by both relay threads. */
final class SessionState {

    final int connection;
    volatile boolean greeted;
    volatile boolean authenticated;
    volatile String loginTag;
    volatile String xlistTag;
    volatile String selectTag;
    /** the folder last SELECTed/EXAMINEd, as the client named it; null when none */
    volatile String selected;
    volatile boolean idling;
    final AtomicInteger idles = new AtomicInteger();

    SessionState(int connection) {
        this.connection = connection;
    }
}
