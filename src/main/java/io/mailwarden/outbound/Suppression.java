package io.mailwarden.outbound;

import io.mailwarden.message.Address;
import io.mailwarden.message.Header;
import io.mailwarden.message.Message;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which mail is never answered or forwarded: pure functions of the message, so every reason is
 * unit-tested on its own. The first reason that applies is the one reported.
 */
public final class Suppression {

    /** The header on everything mailwarden sends; mail carrying it is never answered or forwarded again. */
    public static final String LOOP_HEADER = "X-Mailwarden-Loop";

    /** Why an automatic mail was not sent; {@link #code()} is what logs and counters show. */
    public enum Reason {
        LOOP, AUTO_SUBMITTED, PRECEDENCE, LIST_MAIL, SPAM, NULL_SENDER, ROBOT_SENDER, NO_RECIPIENT, OWN_ADDRESS,
        NOT_ADDRESSED, ANSWERED_RECENTLY;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A reason with what in the message triggered it. */
    public record Suppressed(Reason reason, String detail) {
        @Override
        public String toString() {
            return reason.code() + ": " + detail;
        }
    }

    /** What the checks are configured with. */
    public record Policy(List<Pattern> robotLocalParts, List<String> spamHeaders, boolean replyWithoutReturnPath) {

        public static Policy of(OutboundSettings s) {
            List<Pattern> robots = s.neverReplyTo().stream().map(g -> Pattern.compile(
                    Stream.of(g.strip().split("\\*", -1)).map(Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse(""),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)).toList();
            return new Policy(robots, s.spamHeaders(), s.replyWithoutReturnPath());
        }
    }

    private static final Pattern BULK = Pattern.compile("(?i)\\s*(bulk|list|junk)\\b.*");

    private Suppression() {
    }

    /** Where a reply goes: the first Reply-To address, else the first From address; null when neither has one. */
    public static Address replyTarget(Message m) {
        return Stream.concat(m.replyTo().stream(), m.from().stream()).filter(a -> a.address().contains("@"))
                .findFirst().orElse(null);
    }

    /**
     * Why {@code m} must not be answered, if it must not.
     *
     * @param own the account's own addresses, lower-case
     * @param onlyWhenAddressed answer only mail that names one of {@code own} in To or Cc
     */
    public static Optional<Suppressed> reply(Message m, Set<String> own, boolean onlyWhenAddressed, Policy policy) {
        Optional<Suppressed> common = forward(m);
        if (common.isPresent()) {
            return common;
        }
        String autoSubmitted = m.headers().first("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return found(Reason.AUTO_SUBMITTED, "Auto-Submitted: " + autoSubmitted.strip());
        }
        String precedence = m.headers().first("Precedence");
        if (precedence != null && BULK.matcher(precedence).matches()) {
            return found(Reason.PRECEDENCE, "Precedence: " + precedence.strip());
        }
        Optional<Header> list = m.headers().all().stream()
                .filter(h -> h.name().toLowerCase(Locale.ROOT).startsWith("list-")).findFirst();
        if (list.isPresent()) {
            return found(Reason.LIST_MAIL, list.get().name() + " header");
        }
        for (String spam : policy.spamHeaders()) {
            Optional<Suppressed> s = spam(m, spam);
            if (s.isPresent()) {
                return s;
            }
        }
        String returnPath = m.headers().first("Return-Path");
        if (returnPath == null && !policy.replyWithoutReturnPath()) {
            return found(Reason.NULL_SENDER, "no Return-Path (not delivered by SMTP)");
        }
        if (returnPath != null && returnPath.replaceAll("[\\s<>]", "").isEmpty()) {
            return found(Reason.NULL_SENDER, "Return-Path: <>");
        }
        Address target = replyTarget(m);
        for (Address a : Stream.concat(Stream.of(target), m.from().stream()).toList()) {
            if (a != null && policy.robotLocalParts().stream().anyMatch(p -> p.matcher(a.local()).matches())) {
                return found(Reason.ROBOT_SENDER, a.address());
            }
        }
        if (returnPath != null) {
            String local = returnPath.replaceAll("[\\s<>]", "");
            String part = local.contains("@") ? local.substring(0, local.lastIndexOf('@')) : local;
            if (policy.robotLocalParts().stream().anyMatch(p -> p.matcher(part).matches())) {
                return found(Reason.ROBOT_SENDER, "Return-Path: " + returnPath.strip());
            }
        }
        if (target == null) {
            return found(Reason.NO_RECIPIENT, "no address in Reply-To or From");
        }
        if (own.contains(lower(target)) || m.from().stream().anyMatch(a -> own.contains(lower(a)))) {
            return found(Reason.OWN_ADDRESS, target.address());
        }
        if (onlyWhenAddressed && Stream.concat(m.to().stream(), m.cc().stream()).noneMatch(a -> own.contains(lower(a)))) {
            return found(Reason.NOT_ADDRESSED, "none of " + own.stream().sorted().toList() + " in To or Cc");
        }
        return Optional.empty();
    }

    /** Why {@code m} must not be forwarded (or answered): it came from mailwarden, here or elsewhere. */
    public static Optional<Suppressed> forward(Message m) {
        String loop = m.headers().first(LOOP_HEADER);
        return loop == null ? Optional.empty() : found(Reason.LOOP, LOOP_HEADER + ": " + loop.strip());
    }

    private static Optional<Suppressed> spam(Message m, String spec) {
        int colon = spec.indexOf(':');
        String name = (colon < 0 ? spec : spec.substring(0, colon)).strip();
        String prefix = colon < 0 ? null : spec.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
        for (String v : m.headers().values(name)) {
            if (prefix == null || v.strip().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return found(Reason.SPAM, name + ": " + v.strip());
            }
        }
        return Optional.empty();
    }

    private static String lower(Address a) {
        return a.address().toLowerCase(Locale.ROOT);
    }

    private static Optional<Suppressed> found(Reason r, String detail) {
        return Optional.of(new Suppressed(r, detail));
    }
}
