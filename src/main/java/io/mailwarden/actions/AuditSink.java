package io.mailwarden.actions;

import io.mailwarden.message.MessageRef;
import io.mailwarden.plan.PlannedAction;

/** Where the executor reports every action it took, skipped or failed. */
@FunctionalInterface
public interface AuditSink {

    void record(MessageRef ref, String messageId, PlannedAction action, StepOutcome outcome, String detail);
}
