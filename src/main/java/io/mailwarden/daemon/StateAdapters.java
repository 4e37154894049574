package io.mailwarden.daemon;

import io.mailwarden.actions.AuditSink;
import io.mailwarden.actions.StepOutcome;
import io.mailwarden.imap.WatchState;
import io.mailwarden.message.MessageRef;
import io.mailwarden.plan.PlannedAction;
import io.mailwarden.state.AuditEntry;
import io.mailwarden.state.AuditTrail;
import io.mailwarden.state.CheckpointStore;

/** The state store seen through the small interfaces the watchers and the executor need. */
final class StateAdapters {

    private StateAdapters() {
    }

    static WatchState watchState(CheckpointStore checkpoints) {
        return new WatchState() {
            @Override
            public Mark find(String account, String folder) {
                return checkpoints.find(account, folder).map(c -> new Mark(c.uidValidity(), c.lastUid(), c.watchedSince())).orElse(null);
            }

            @Override
            public void baseline(String account, String folder, long uidValidity, long lastUid) {
                checkpoints.save(account, folder, uidValidity, lastUid);
            }
        };
    }

    static AuditSink auditSink(AuditTrail trail) {
        return (MessageRef ref, String messageId, PlannedAction a, StepOutcome outcome, String detail) -> trail.record(
                new AuditEntry(null, ref.account(), ref.folder(), ref.uid(), messageId, a.rule(), a.step().describe(),
                        outcome.name(), detail));
    }
}
