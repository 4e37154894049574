package io.mailwarden.daemon;

/** At most a given number of permits per second, evenly spaced; waiting is interruptible. */
final class RateLimiter {

    private final long intervalNanos;
    private long next = System.nanoTime();

    RateLimiter(double perSecond) {
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** Waits for the next permit; false when interrupted meanwhile. */
    synchronized boolean acquire() {
        long now = System.nanoTime();
        long at = Math.max(now, next);
        next = at + intervalNanos;
        long wait = at - now;
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
