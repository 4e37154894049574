package io.mailwarden.actions;

import io.mailwarden.message.MailboxException;
import io.mailwarden.message.MailboxPort;
import io.mailwarden.message.MessageRef;
import io.mailwarden.plan.Plan;
import io.mailwarden.plan.PlannedAction;
import io.mailwarden.plan.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Carries out a plan through the mailbox port, in the plan's order. A step that fails for good is
 * recorded and the others still run; a step that may pass later (lost connection) stops the plan so
 * the whole message is retried; a message that is gone stops it for good. Replies and forwards go to
 * the outbound port, which queues them; they are sent apart from the plan.
 */
public final class PlanExecutor {

    private static final Logger LOG = Logger.getLogger("mailwarden.actions");

    private final AuditSink audit;
    private final OutboundPort outbound;
    private final boolean archiving;

    /** @param archiving whether the archive runs (it keeps what {@code archive} actions name) */
    public PlanExecutor(AuditSink audit, OutboundPort outbound, boolean archiving) {
        this.audit = audit;
        this.outbound = outbound;
        this.archiving = archiving;
    }

    public Execution execute(Plan plan, IncomingMessage in, MailboxPort port, boolean dryRun) {
        MessageRef ref = in.ref();
        String messageId = in.messageId();
        List<StepOutcome> outcomes = new ArrayList<>();
        String movedTo = null;
        for (PlannedAction a : plan.actions()) {
            if (dryRun) {
                record(ref, messageId, a, StepOutcome.DRY_RUN, "dry run: not carried out", outcomes);
                continue;
            }
            try {
                Result r = carryOut(a, in, port);
                record(ref, messageId, a, r.outcome(), r.detail(), outcomes);
                movedTo = r.movedTo() != null ? r.movedTo() : movedTo;
            } catch (MailboxException e) {
                if (e.kind() == MailboxException.Kind.TRANSIENT) {
                    record(ref, messageId, a, StepOutcome.RETRY, e.getMessage(), outcomes);
                    return new Execution(List.copyOf(outcomes), true, e.getMessage(), movedTo);
                }
                record(ref, messageId, a, StepOutcome.FAILED, e.getMessage(), outcomes);
                if (e.kind() == MailboxException.Kind.GONE) {
                    break; // nothing else can be done to a message that no longer exists
                }
            }
        }
        return new Execution(List.copyOf(outcomes), false, null, movedTo);
    }

    /** @param movedTo where the step moved the message (as the server names the folder), or null */
    private record Result(StepOutcome outcome, String detail, String movedTo) {
        static final Result DONE = new Result(StepOutcome.DONE, "", null);

        static Result skipped(String why) {
            return new Result(StepOutcome.SKIPPED, why, null);
        }

        static Result movedTo(String folder) {
            return new Result(StepOutcome.DONE, "", folder);
        }
    }

    /** Carries out one step: done, or skipped with why this build does not carry it out. */
    private Result carryOut(PlannedAction a, IncomingMessage in, MailboxPort port) throws MailboxException {
        MessageRef ref = in.ref();
        switch (a.step()) {
            case Step.SetFlag f -> port.setFlags(ref, Set.of(f.flag().imap()), f.on());
            case Step.Keyword k -> port.setKeyword(ref, k.keyword(), k.add());
            case Step.Copy c -> port.copy(ref, c.folder());
            case Step.Move m -> {
                return Result.movedTo(port.move(ref, m.folder()));
            }
            case Step.Delete d -> {
                return Result.movedTo(port.moveToTrash(ref));
            }
            case Step.Reply r -> {
                return outbound(outbound.reply(in, r, a.rule()));
            }
            case Step.Forward f -> {
                return outbound(outbound.forward(in, f, a.rule()));
            }
            case Step.Archive c -> {
                // the daemon's archive stage keeps the message once the plan is done, wherever it went
                return archiving ? new Result(StepOutcome.DONE, "kept in the archive", null)
                        : Result.skipped("the archive is off (mailwarden.archive.enabled=false)");
            }
            case Step.RunExec r -> {
                return Result.skipped("run plugins are not carried out by this version yet");
            }
            case Step.PluginStep p -> {
                return Result.skipped("plugin actions are not carried out by this version yet");
            }
        }
        return Result.DONE;
    }

    private static Result outbound(OutboundPort.Decision d) {
        return new Result(switch (d.kind()) {
            case QUEUED -> StepOutcome.DONE;
            case SUPPRESSED -> StepOutcome.SKIPPED;
            case REFUSED -> StepOutcome.FAILED;
        }, d.detail(), null);
    }

    private void record(MessageRef ref, String messageId, PlannedAction a, StepOutcome outcome, String detail,
            List<StepOutcome> outcomes) {
        outcomes.add(outcome);
        if (outcome == StepOutcome.FAILED || outcome == StepOutcome.RETRY) {
            LOG.warnf("%s %s [%s]: %s %s", ref, a.step().describe(), a.rule(), outcome, detail);
        }
        audit.record(ref, messageId, a, outcome, detail);
    }
}
