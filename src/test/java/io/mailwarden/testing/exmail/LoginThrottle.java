package io.mailwarden.testing.exmail;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Sliding-window login budget, shared by all connections of one proxy. Only logins let through
 * count, so once the window has passed logins work again (Exmail recovered "after a cooldown").
 */
final class LoginThrottle {

    private final int limit;
    private final long windowNanos;
    private final Deque<Long> granted = new ArrayDeque<>();

    LoginThrottle(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** True if this login may go to the server; false if it is over the budget. */
    synchronized boolean tryAcquire() {
        if (limit <= 0) {
            return true;
        }
        long now = System.nanoTime();
        while (!granted.isEmpty() && now - granted.peekFirst() >= windowNanos) {
            granted.removeFirst();
        }
        if (granted.size() >= limit) {
            return false;
        }
        granted.addLast(now);
        return true;
    }
}
