package io.mailwarden.daemon;

import io.mailwarden.actions.Execution;
import io.mailwarden.actions.IncomingMessage;
import io.mailwarden.actions.PlanExecutor;
import io.mailwarden.message.ArrivalHandler;
import io.mailwarden.message.MailItem;
import io.mailwarden.message.MailboxPort;
import io.mailwarden.message.Message;
import io.mailwarden.message.MessageArrived;
import io.mailwarden.message.MessageRef;
import io.mailwarden.message.parse.MessageParser;
import io.mailwarden.plan.Plan;
import io.mailwarden.rules.RuleRepository;
import io.mailwarden.rules.engine.RuleEngine;
import io.mailwarden.state.AuditEntry;
import io.mailwarden.state.AuditTrail;
import io.mailwarden.state.CheckpointStore;
import io.mailwarden.state.ContentHash;
import io.mailwarden.state.MessageKey;
import io.mailwarden.state.ProcessedStore;
import io.mailwarden.state.StateStore;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * What happens to each new message: parse it, let the rules plan, carry the plan out through the
 * watcher's connection, then mark the message done and advance the checkpoint in one transaction.
 * A plan that fails in a way that may pass is retried a bounded number of times, then recorded as
 * failed and skipped, so one bad message never blocks a mailbox.
 */
public final class ArrivalPipeline implements ArrivalHandler {

    static final int MAX_ATTEMPTS = 3;
    private static final Logger LOG = Logger.getLogger("mailwarden.daemon");

    private final MessageParser parser = new MessageParser();
    private final RuleRepository rules;
    private final RuleEngine engine;
    private final PlanExecutor executor;
    private final StateStore state;
    private final CheckpointStore checkpoints;
    private final ProcessedStore processed;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean dryRun;
    private final HandledSink then;

    ArrivalPipeline(RuleRepository rules, RuleEngine engine, PlanExecutor executor, Stores stores, Clock clock,
            boolean dryRun, HandledSink then) {
        this.then = then;
        this.rules = rules;
        this.engine = engine;
        this.executor = executor;
        this.state = stores.state();
        this.checkpoints = stores.checkpoints();
        this.processed = stores.processed();
        this.audit = stores.audit();
        this.clock = clock;
        this.dryRun = dryRun;
    }

    @Override
    public Disposition handle(MessageArrived arrived, MailboxPort port) {
        MessageRef ref = arrived.ref();
        MessageKey key = new MessageKey(ref.account(), ref.folder(), ref.uidValidity(), ref.uid());
        String hash = ContentHash.of(arrived.headerSection());
        Message message = parser.parseArrival(arrived);
        String messageId = message.messageId();
        if (arrived.afterUidValidityChange() && processed.alreadyDone(ref.account(), messageId, hash)) {
            LOG.infof("%s: already handled before the UIDVALIDITY change (%s); no action repeated", ref, messageId);
            state.completeMessage(key, messageId, hash, ref.uid());
            return Disposition.DONE;
        }
        MailItem item = new MailItem(ref.account(), ref.folder(), ref.uid(), arrived.flags(), arrived.keywords(),
                arrived.internalDate(), message, null);
        Plan plan = engine.evaluate(rules.current(), item, clock.instant());
        plan.notes().forEach(n -> LOG.infof("%s: %s", ref, n));
        if (plan.isEmpty()) {
            LOG.debugf("%s: no rule matched", ref);
        }
        Execution done = executor.execute(plan, new IncomingMessage(ref, message, arrived.raw(), arrived.complete()), port, dryRun);
        if (done.retry()) {
            int attempts = processed.recordFailure(key, messageId, hash, done.error());
            if (attempts < MAX_ATTEMPTS) {
                LOG.warnf("%s: attempt %d of %d failed (%s); trying again later", ref, attempts, MAX_ATTEMPTS, done.error());
                return Disposition.RETRY;
            }
            audit.record(new AuditEntry(null, ref.account(), ref.folder(), ref.uid(), messageId, "", "give-up", "FAILED",
                    "skipped after " + attempts + " attempts: " + done.error()));
            checkpoints.save(ref.account(), ref.folder(), ref.uidValidity(), ref.uid());
            then.handled(arrived, plan, done);
            return Disposition.DONE;
        }
        state.completeMessage(key, messageId, hash, ref.uid());
        then.handled(arrived, plan, done);
        return Disposition.DONE;
    }
}
