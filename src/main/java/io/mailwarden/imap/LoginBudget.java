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

    /** Logins allowed to watchers' reconnects within {@link #WINDOW}, besides the polls of polled folders. */
    static final int RECONNECTS = 12;
    static final Duration WINDOW = Duration.ofMinutes(10);

    /**
     * The budget one account's watchers, polls and scheduled runs share: {@value #RECONNECTS} logins per
     * ten minutes, plus one per poll the account's poll-interval asks for in that time (each poll logs in).
     */
    public static LoginBudget forAccount(io.mailwarden.account.Account account, Clock clock) {
        long polls = account.pollFolders().isEmpty() ? 0
                : WINDOW.toMillis() / Math.max(1, account.pollInterval().toMillis()) + 1;
        return new LoginBudget((int) Math.min(10_000, RECONNECTS + polls), WINDOW, clock);
    }

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
