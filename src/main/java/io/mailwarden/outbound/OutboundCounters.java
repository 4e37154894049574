package io.mailwarden.outbound;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counts of what automatic mail did since the daemon started, for the status page and logs. */
public final class OutboundCounters {

    private final Map<Suppression.Reason, AtomicLong> suppressed = new EnumMap<>(Suppression.Reason.class);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();

    public OutboundCounters() {
        for (Suppression.Reason r : Suppression.Reason.values()) {
            suppressed.put(r, new AtomicLong());
        }
    }

    void suppressed(Suppression.Reason r) {
        suppressed.get(r).incrementAndGet();
    }

    void sent() {
        sent.incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    void rateLimited() {
        rateLimited.incrementAndGet();
    }

    /** How often each reason kept a reply or forward from being sent. */
    public Map<Suppression.Reason, Long> suppressed() {
        Map<Suppression.Reason, Long> out = new EnumMap<>(Suppression.Reason.class);
        suppressed.forEach((r, n) -> out.put(r, n.get()));
        return out;
    }

    /** Mails the SMTP server accepted. */
    public long sentCount() {
        return sent.get();
    }

    /** Mails given up (refused for good, or out of attempts). */
    public long failedCount() {
        return failed.get();
    }

    /** Times a rate limit held a due mail back. */
    public long rateLimitedCount() {
        return rateLimited.get();
    }
}
