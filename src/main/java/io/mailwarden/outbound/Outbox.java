package io.mailwarden.outbound;

import io.mailwarden.account.Account;
import io.mailwarden.actions.IncomingMessage;
import io.mailwarden.actions.OutboundPort;
import io.mailwarden.message.Address;
import io.mailwarden.message.MessageRef;
import io.mailwarden.plan.Durations;
import io.mailwarden.plan.Step;
import io.mailwarden.state.ContentHash;
import io.mailwarden.state.OutboxEntry;
import io.mailwarden.state.OutboxStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Decides on automatic mail and queues it: the suppression checks, the vacation memory (at most one
 * reply per sender per rule per period) and the outbox row, keyed by account, source message, rule and
 * kind so that a message handled twice (after a crash) is answered once. Sending is {@link OutboxSender}'s.
 */
public final class Outbox implements OutboundPort {

    private static final Logger LOG = Logger.getLogger("mailwarden.outbound");

    private final OutboxStore store;
    private final Map<String, Account> accounts;
    private final Suppression.Policy policy;
    private final OutboundCounters counters;
    private final Clock clock;
    private final Runnable queued;

    /** @param queued called after a mail was queued (wakes the sender) */
    public Outbox(OutboxStore store, List<Account> accounts, OutboundSettings settings, OutboundCounters counters,
            Clock clock, Runnable queued) {
        this.store = store;
        this.accounts = accounts.stream().collect(Collectors.toMap(Account::name, Function.identity()));
        this.policy = Suppression.Policy.of(settings);
        this.counters = counters;
        this.clock = clock;
        this.queued = queued;
    }

    /** The sending account's address and the source's hash, or the decision already made. */
    private record Request(String own, String hash, Decision decided) {
    }

    /** The account must have an address, and a mail already in the outbox for this key is not made again. */
    private Request begin(IncomingMessage in, String rule, String kind) {
        Account account = accounts.get(in.ref().account());
        if (account == null || account.address() == null) {
            return new Request(null, null, Decision.refused("account " + in.ref().account() + " has no mail address"
                    + " to send from: set mailwarden.accounts." + in.ref().account() + ".address"));
        }
        String hash = ContentHash.of(in.raw());
        Optional<Long> before = store.find(account.name(), hash, rule, kind);
        return new Request(account.address(), hash, before.map(id -> Decision.queued("already in the outbox as #" + id))
                .orElse(null));
    }

    @Override
    public Decision reply(IncomingMessage in, Step.Reply step, String rule) {
        Request r = begin(in, rule, "reply");
        if (r.decided() != null) {
            return r.decided();
        }
        String own = r.own();
        Set<String> ownAddresses = Stream.concat(Stream.of(own), step.addresses().stream())
                .map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Optional<Suppression.Suppressed> no = Suppression.reply(in.message(), ownAddresses, step.onlyWhenAddressed(), policy);
        if (no.isPresent()) {
            return suppressed(in.ref(), rule, "reply", no.get());
        }
        Address to = Suppression.replyTarget(in.message());
        String sender = to.address().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Optional<Instant> last = store.lastReply(in.ref().account(), rule, sender);
        if (last.isPresent() && last.get().plus(step.period()).isAfter(now)) {
            return suppressed(in.ref(), rule, "reply", new Suppression.Suppressed(Suppression.Reason.ANSWERED_RECENTLY,
                    sender + " was answered at " + last.get() + " (once every " + Durations.format(step.period()) + ")"));
        }
        Composer.Composed mail;
        try {
            mail = Composer.reply(own, in.message(), to, step, now);
        } catch (Composer.CompositionFailure e) { // the audit trail says why, the message itself is untouched
            return Decision.refused(e.getMessage());
        }
        long id = store.enqueue(entry(in, r.hash(), rule, "reply", mail), sender, now);
        queued.run();
        return Decision.queued("reply to " + to.address() + " queued as #" + id);
    }

    @Override
    public Decision forward(IncomingMessage in, Step.Forward step, String rule) {
        String kind = step.describe();
        Request r = begin(in, rule, kind);
        if (r.decided() != null) {
            return r.decided();
        }
        Optional<Suppression.Suppressed> no = Suppression.forward(in.message());
        if (no.isPresent()) {
            return suppressed(in.ref(), rule, "forward", no.get());
        }
        if (!in.complete()) { // a forward of the header alone would lose the message's content
            return Decision.refused("not forwarded: the message (" + (in.message().size() >> 20) + " MB) is too big"
                    + " to read whole here, so only its header was read; the archive keeps it whole");
        }
        Instant now = clock.instant();
        Composer.Composed mail;
        try {
            mail = Composer.forward(r.own(), in.message(), in.raw(), step, rule, now);
        } catch (Composer.CompositionFailure e) {
            return Decision.refused(e.getMessage());
        }
        long id = store.enqueue(entry(in, r.hash(), rule, kind, mail), null, now);
        queued.run();
        return Decision.queued("forward to " + String.join(", ", step.to()) + " queued as #" + id);
    }

    private static OutboxEntry entry(IncomingMessage in, String hash, String rule, String kind, Composer.Composed mail) {
        MessageRef ref = in.ref();
        return new OutboxEntry(0, ref.account(), hash, rule, kind, ref.folder(), ref.uid(), in.messageId(),
                mail.recipients(), mail.messageId(), mail.content(), OutboxEntry.Status.PENDING, 0, null, null, null);
    }

    private Decision suppressed(MessageRef ref, String rule, String what, Suppression.Suppressed why) {
        counters.suppressed(why.reason());
        LOG.infof("%s: no %s (rule %s): %s", ref, what, rule, why);
        return Decision.suppressed("not sent: " + why);
    }
}
