package io.mailwarden.daemon;

import io.mailwarden.actions.Execution;
import io.mailwarden.message.MessageArrived;
import io.mailwarden.plan.Plan;

/** Hears of each message the daemon finished handling, with its plan and what came of it: the archive's entry. */
@FunctionalInterface
interface HandledSink {

    HandledSink NONE = (m, plan, done) -> {
    };

    void handled(MessageArrived message, Plan plan, Execution done);
}
