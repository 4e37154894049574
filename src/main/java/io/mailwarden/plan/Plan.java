package io.mailwarden.plan;

import java.util.List;

/**
 * What the rules decided for one message: steps in execution order (flags first, leaving the folder
 * last), the rules that matched, and notes on what was merged or dropped.
 *
 * @param actions the steps to execute, in order
 * @param matchedRules names of the rules that matched, in evaluation order
 * @param notes duplicates dropped, conflicts resolved, one line each
 * @param stoppedBy the rule that stopped evaluation, or null
 */
public record Plan(List<PlannedAction> actions, List<String> matchedRules, List<String> notes, String stoppedBy) {

    public boolean isEmpty() {
        return actions.isEmpty();
    }
}
