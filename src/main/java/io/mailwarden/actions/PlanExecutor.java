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
 * the whole message is retried; a message that is gone stops it for good.
 */
public final class PlanExecutor {

    private static final Logger LOG = Logger.getLogger("mailwarden.actions");

    private final AuditSink audit;

    public PlanExecutor(AuditSink audit) {
        this.audit = audit;
    }

    public Execution execute(Plan plan, MessageRef ref, String messageId, MailboxPort port, boolean dryRun) {
        List<StepOutcome> outcomes = new ArrayList<>();
        for (PlannedAction a : plan.actions()) {
            if (dryRun) {
                record(ref, messageId, a, StepOutcome.DRY_RUN, "dry run: not carried out", outcomes);
                continue;
            }
            try {
                String unsupported = carryOut(a.step(), ref, port);
                if (unsupported == null) {
                    record(ref, messageId, a, StepOutcome.DONE, "", outcomes);
                } else {
                    record(ref, messageId, a, StepOutcome.SKIPPED, unsupported, outcomes);
                }
            } catch (MailboxException e) {
                if (e.kind() == MailboxException.Kind.TRANSIENT) {
                    record(ref, messageId, a, StepOutcome.RETRY, e.getMessage(), outcomes);
                    return new Execution(List.copyOf(outcomes), true, e.getMessage());
                }
                record(ref, messageId, a, StepOutcome.FAILED, e.getMessage(), outcomes);
                if (e.kind() == MailboxException.Kind.GONE) {
                    break; // nothing else can be done to a message that no longer exists
                }
            }
        }
        return new Execution(List.copyOf(outcomes), false, null);
    }

    /** Carries out one step; returns null when done, or why this build does not carry it out. */
    private static String carryOut(Step step, MessageRef ref, MailboxPort port) throws MailboxException {
        switch (step) {
            case Step.SetFlag f -> port.setFlags(ref, Set.of(f.flag().imap()), f.on());
            case Step.Keyword k -> port.setKeyword(ref, k.keyword(), k.add());
            case Step.Copy c -> port.copy(ref, c.folder());
            case Step.Move m -> port.move(ref, m.folder());
            case Step.Delete d -> port.moveToTrash(ref);
            case Step.Reply r -> {
                return "auto-reply needs the SMTP outbox, which this version does not have yet";
            }
            case Step.Forward f -> {
                return "forwarding needs the SMTP outbox, which this version does not have yet";
            }
            case Step.Archive a -> {
                return "named archive collections need the archive, which this version does not have yet";
            }
            case Step.RunExec r -> {
                return "run plugins are not carried out by this version yet";
            }
            case Step.PluginStep p -> {
                return "plugin actions are not carried out by this version yet";
            }
        }
        return null;
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
