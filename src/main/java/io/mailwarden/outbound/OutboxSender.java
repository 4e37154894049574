package io.mailwarden.outbound;

import io.mailwarden.account.Account;
import io.mailwarden.state.AuditEntry;
import io.mailwarden.state.AuditTrail;
import io.mailwarden.state.OutboxEntry;
import io.mailwarden.state.OutboxStore;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox on one thread: due mail oldest first, within the global and per-account rate
 * limits (mail over a limit stays pending), marked sent only once the SMTP server accepted it.
 * Temporary failures are retried with doubling waits; permanent ones (5xx) and mail out of attempts are
 * recorded FAILED in the audit trail. Pending mail left by a crash is sent when the daemon starts.
 */
public final class OutboxSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("mailwarden.outbound");
    private static final int BATCH = 50;

    private final OutboxStore store;
    private final AuditTrail audit;
    private final Map<String, Account> accounts;
    private final OutboundSettings settings;
    private final OutboundCounters counters;
    private final Clock clock;
    private final SmtpClient smtp;
    private final Set<String> limited = new HashSet<>();
    private volatile boolean stopping;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mailwarden-outbox");
        t.setDaemon(true);
        return t;
    });

    public OutboxSender(OutboxStore store, AuditTrail audit, List<Account> accounts, OutboundSettings settings,
            OutboundCounters counters, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.accounts = accounts.stream().collect(Collectors.toMap(Account::name, Function.identity()));
        this.settings = settings;
        this.counters = counters;
        this.clock = clock;
        this.smtp = new SmtpClient(settings.smtpTimeout());
    }

    /** Starts checking the outbox every {@code check-interval}, beginning now (mail left by a crash goes first). */
    public OutboxSender start() {
        thread.scheduleWithFixedDelay(this::drain, 0, settings.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Checks the outbox now (a mail was just queued). */
    public void wake() {
        try {
            thread.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // stopping: the mail stays pending and goes out at the next start
        }
    }

    private void drain() {
        try {
            Set<String> held = new HashSet<>();
            for (OutboxEntry e : store.due(clock.instant(), BATCH)) {
                if (stopping || !underLimit(null, settings.maxPerWindow(), "max-per-window", e)) {
                    return;
                }
                if (held.contains(e.account()) || !underLimit(e.account(), settings.maxPerAccount(), "max-per-account", e)) {
                    held.add(e.account()); // this account's later mail waits too, in order
                    continue;
                }
                send(e);
            }
        } catch (RuntimeException e) { // StateException among them: the loop must outlive a database hiccup
            LOG.warnf("outbox: %s; trying again in %s", e.getMessage(), settings.checkInterval());
        }
    }

    /** Whether {@code account} (all accounts when null) may send now; logs once when the limit starts to bite. */
    private boolean underLimit(String account, int max, String key, OutboxEntry e) {
        String who = account == null ? "*" : account;
        int sent = store.sentSince(account, clock.instant().minus(settings.rateWindow()));
        if (sent < max) {
            if (limited.remove(who)) {
                LOG.infof("outbox: rate limit of %s no longer holds mail back", account == null ? "all accounts" : account);
            }
            return true;
        }
        if (limited.add(who)) {
            counters.rateLimited();
            LOG.warnf("outbox: rate limit reached: %s sent %d automatic mails in the last %s (mailwarden.outbound.%s ="
                    + " %d); #%d and later mail wait in the outbox", account == null ? "all accounts together"
                    : "account " + account, sent, settings.rateWindow(), key, max, e.id());
        }
        return false;
    }

    private void send(OutboxEntry e) {
        Account account = accounts.get(e.account());
        if (account == null || account.address() == null) {
            fail(e, "account " + e.account() + " is no longer configured to send (no account, or no address)");
            return;
        }
        try {
            smtp.send(account, e.recipients(), e.content());
        } catch (SmtpClient.SendFailure f) {
            int attempt = e.attempts() + 1;
            if (f.permanent()) {
                fail(e, f.getMessage() + " (refused for good: not retried)");
            } else if (attempt >= settings.maxAttempts()) {
                fail(e, "gave up after " + attempt + " attempts: " + f.getMessage());
            } else {
                Duration wait = backoff(attempt);
                store.retryAt(e.id(), clock.instant().plus(wait), f.getMessage());
                LOG.warnf("outbox #%d to %s: %s; attempt %d of %d, next in %s", e.id(), e.recipients(), f.getMessage(),
                        attempt, settings.maxAttempts(), wait);
                record(e, "RETRY", "outbox #" + e.id() + ", attempt " + attempt + ": " + f.getMessage());
            }
            return;
        }
        store.markSent(e.id(), clock.instant());
        counters.sent();
        record(e, "SENT", "outbox #" + e.id() + " to " + String.join(", ", e.recipients()) + ", " + e.messageId());
        if (account.sentFolder() != null) {
            try {
                SentCopy.append(account, e.content());
            } catch (Exception x) { // the mail is sent: a missing copy loses nothing, say so and go on
                LOG.warnf("outbox #%d: sent, but no copy in %s: %s", e.id(), account.sentFolder(), x.getMessage());
            }
        }
    }

    /** Doubling waits from retry-initial, at most retry-max. */
    Duration backoff(int attempt) {
        Duration d = settings.retryInitial();
        for (int i = 1; i < attempt && d.compareTo(settings.retryMax()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : d;
    }

    private void fail(OutboxEntry e, String why) {
        store.markFailed(e.id(), why);
        counters.failed();
        LOG.warnf("outbox #%d to %s: %s", e.id(), e.recipients(), why);
        record(e, "FAILED", "outbox #" + e.id() + ": " + why);
    }

    private void record(OutboxEntry e, String outcome, String detail) {
        audit.record(new AuditEntry(null, e.account(), e.folder(), e.uid(), e.sourceMessageId(), e.rule(),
                "send " + e.kind(), outcome, detail));
    }

    /** Stops sending; a mail being sent is finished (bounded by smtp-timeout), the rest waits for the next start. */
    @Override
    public void close() {
        // no interrupt: the send under way must reach its record, or the next start sends it again
        stopping = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(settings.smtpTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
                LOG.warn("outbox: a send did not finish in time while stopping; it is sent again at the next start");
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
