package io.mailwarden.actions;

import java.util.List;

/**
 * The result of carrying out one message's plan.
 *
 * @param outcomes one per planned step, in plan order (steps after a retryable failure are absent)
 * @param retry whether the plan must be tried again later (a retryable failure happened)
 * @param movedTo the folder (as the server names it) the message was moved to, or null when it stayed
 */
public record Execution(List<StepOutcome> outcomes, boolean retry, String error, String movedTo) {

    /** Whether any step failed for good. */
    public boolean failedSomewhere() {
        return outcomes.contains(StepOutcome.FAILED);
    }
}
