package io.mailwarden.outbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link OutboundConfig} as plain, checked values (tests build them directly).
 *
 * @see OutboundConfig for what each value means
 */
public record OutboundSettings(int maxPerWindow, int maxPerAccount, Duration rateWindow, List<String> neverReplyTo,
        List<String> spamHeaders, boolean replyWithoutReturnPath, Duration checkInterval, Duration retryInitial,
        Duration retryMax, int maxAttempts, Duration smtpTimeout) {

    public OutboundSettings {
        neverReplyTo = List.copyOf(neverReplyTo);
        spamHeaders = List.copyOf(spamHeaders);
    }

    /** The documented defaults. */
    public static OutboundSettings defaults() {
        return new OutboundSettings(200, 50, Duration.ofHours(1), List.of("mailer-daemon", "postmaster", "noreply*",
                "no-reply*", "no_reply*", "do-not-reply*", "donotreply*", "do_not_reply*", "bounce*", "*-bounces",
                "listserv", "majordomo"), List.of("X-Spam-Flag: yes"), false, Duration.ofSeconds(5),
                Duration.ofMinutes(1), Duration.ofHours(1), 10, Duration.ofSeconds(60));
    }

    public static OutboundSettings from(OutboundConfig c) {
        return new OutboundSettings(c.maxPerWindow(), c.maxPerAccount(), c.rateWindow(), c.neverReplyTo(),
                c.spamHeaders(), c.replyWithoutReturnPath(), c.checkInterval(), c.retryInitial(), c.retryMax(),
                c.maxAttempts(), c.smtpTimeout());
    }

    /** Every problem, one line each naming its key; empty when the settings can work. */
    public List<String> problems() {
        String k = "mailwarden.outbound.";
        List<String> p = new ArrayList<>();
        if (maxPerWindow < 1) {
            p.add(k + "max-per-window: must be at least 1, not " + maxPerWindow);
        }
        if (maxPerAccount < 1) {
            p.add(k + "max-per-account: must be at least 1, not " + maxPerAccount);
        }
        if (maxAttempts < 1) {
            p.add(k + "max-attempts: must be at least 1, not " + maxAttempts);
        }
        for (var d : List.of(Map.entry("rate-window", rateWindow), Map.entry("check-interval",
                checkInterval), Map.entry("retry-initial", retryInitial), Map.entry("retry-max",
                retryMax), Map.entry("smtp-timeout", smtpTimeout))) {
            if (d.getValue().isNegative() || d.getValue().isZero()) {
                p.add(k + d.getKey() + ": must be above zero, not " + d.getValue());
            }
        }
        return p;
    }
}
