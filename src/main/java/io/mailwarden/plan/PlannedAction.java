package io.mailwarden.plan;

/**
 * A step with its provenance, for explanations and the audit trail.
 *
 * @param step what to do
 * @param rule the rule that asked for it
 * @param at where the action is written ({@code rules/10-finance.yaml:9:9})
 * @param because why the rule matched
 */
public record PlannedAction(Step step, String rule, String at, String because) {
}
