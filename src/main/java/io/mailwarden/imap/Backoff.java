package io.mailwarden.imap;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with jitter, capped: flapping networks never turn into a login storm. */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private int attempt;

    public Backoff(Duration base, Duration cap) {
        this.base = base;
        this.cap = cap;
    }

    /** The next wait: between half and all of base * 2^attempt, never above the cap. */
    public Duration next() {
        long max = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt, 20));
        attempt++;
        return Duration.ofMillis(max / 2 + ThreadLocalRandom.current().nextLong(max / 2 + 1));
    }

    public void reset() {
        attempt = 0;
    }
}
