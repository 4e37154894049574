package io.mailwarden.daemon;

import io.mailwarden.state.AuditTrail;
import io.mailwarden.state.CheckpointStore;
import io.mailwarden.state.OutboxStore;
import io.mailwarden.state.ProcessedStore;
import io.mailwarden.state.ScheduleProgressStore;
import io.mailwarden.state.StateStore;
import jakarta.enterprise.context.ApplicationScoped;

/** The state store's parts the daemon uses, injected together. */
@ApplicationScoped
public class Stores {

    private final StateStore state;
    private final CheckpointStore checkpoints;
    private final ProcessedStore processed;
    private final AuditTrail audit;
    private final ScheduleProgressStore progress;
    private final OutboxStore outbox;

    public Stores(StateStore state, CheckpointStore checkpoints, ProcessedStore processed, AuditTrail audit,
            ScheduleProgressStore progress, OutboxStore outbox) {
        this.progress = progress;
        this.outbox = outbox;
        this.state = state;
        this.checkpoints = checkpoints;
        this.processed = processed;
        this.audit = audit;
    }

    public StateStore state() {
        return state;
    }

    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    public ProcessedStore processed() {
        return processed;
    }

    public AuditTrail audit() {
        return audit;
    }

    /** How far scheduled rules' runs got. */
    public ScheduleProgressStore progress() {
        return progress;
    }

    /** Automatic mail waiting or sent, and the vacation memory. */
    public OutboxStore outbox() {
        return outbox;
    }
}
