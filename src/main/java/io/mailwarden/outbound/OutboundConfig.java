package io.mailwarden.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;

/** Settings of automatic mail (replies and forwards): {@code mailwarden.outbound.*}. */
@ConfigMapping(prefix = "mailwarden.outbound")
public interface OutboundConfig {

    /** At most this many automatic mails sent by all accounts together within {@code rate-window}; more wait in the outbox. */
    @WithName("max-per-window")
    @WithDefault("200")
    int maxPerWindow();

    /** At most this many automatic mails sent by one account within {@code rate-window}; more wait in the outbox. */
    @WithName("max-per-account")
    @WithDefault("50")
    int maxPerAccount();

    /** The sliding window both rate limits count in. */
    @WithName("rate-window")
    @WithDefault("1h")
    Duration rateWindow();

    /**
     * Senders never answered, as local-part globs ({@code *} any characters), case-insensitive: delivery
     * robots and addresses that say no one reads replies.
     */
    @WithName("never-reply-to")
    @WithDefault("mailer-daemon,postmaster,noreply*,no-reply*,no_reply*,do-not-reply*,donotreply*,do_not_reply*,"
            + "bounce*,*-bounces,listserv,majordomo")
    List<String> neverReplyTo();

    /**
     * Spam verdict headers that mean "never answer", each {@code Name} (present at all) or
     * {@code Name: value} (the value starts with it, any case).
     */
    @WithName("spam-headers")
    @WithDefault("X-Spam-Flag: yes")
    List<String> spamHeaders();

    /** Whether a message without Return-Path (mail not delivered by SMTP, e.g. appended by a client) is answered. */
    @WithName("reply-without-return-path")
    @WithDefault("false")
    boolean replyWithoutReturnPath();

    /** How often the outbox is checked for due mail (new mail is sent at once; this paces retries). */
    @WithName("check-interval")
    @WithDefault("5s")
    Duration checkInterval();

    /** The first retry waits this long after a temporary failure (4xx, network); each next one twice as long. */
    @WithName("retry-initial")
    @WithDefault("1m")
    Duration retryInitial();

    /** Retries never wait longer than this. */
    @WithName("retry-max")
    @WithDefault("1h")
    Duration retryMax();

    /** A mail that failed temporarily this many times is given up (recorded FAILED in the audit trail). */
    @WithName("max-attempts")
    @WithDefault("10")
    int maxAttempts();

    /** Connect, read and write timeout of each SMTP connection. */
    @WithName("smtp-timeout")
    @WithDefault("60s")
    Duration smtpTimeout();
}
