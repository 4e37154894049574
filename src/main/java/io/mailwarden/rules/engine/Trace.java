package io.mailwarden.rules.engine;

import io.mailwarden.plan.Plan;
import io.mailwarden.plan.Step;
import io.mailwarden.rules.Rule;
import java.util.List;

/**
 * What happened to every rule for one message, and the resulting plan.
 *
 * @param entries one per rule, in evaluation order
 * @param plan the plan
 */
public record Trace(List<Entry> entries, Plan plan) {

    /** What became of a rule. */
    public enum Outcome { MATCHED, NO_MATCH, OUT_OF_SCOPE, DISABLED, SCHEDULED, AFTER_STOP, FAILED }

    /**
     * @param rule the rule
     * @param outcome what became of it
     * @param detail why it matched, or why it was skipped
     * @param steps the steps it asked for (before merging into the plan)
     */
    public record Entry(Rule rule, Outcome outcome, String detail, List<Step> steps) {
    }
}
