package io.mailwarden.imap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * At most {@code max} logins per account within a sliding window; a login past that waits. Exmail
 * throttles accounts that log in often and then refuses even correct passwords for a while.
 */
public final class LoginBudget {

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();

    public LoginBudget(int max, Duration window, Clock clock) {
        this.max = max;
        this.window = window;
        this.clock = clock;
    }

    /** How long the next login must wait (zero when it may go now); a zero answer books the login. */
    public synchronized Duration reserve() {
        Instant now = clock.instant();
        while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
            recent.pollFirst();
        }
        if (recent.size() < max) {
            recent.addLast(now);
            return Duration.ZERO;
        }
        return Duration.between(now, recent.peekFirst().plus(window));
    }
}
