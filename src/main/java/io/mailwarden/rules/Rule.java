package io.mailwarden.rules;

import io.mailwarden.plugin.ActionPlugin;
import io.mailwarden.plugin.Condition;
import io.mailwarden.plugin.SourceLocation;
import java.util.List;
import java.util.function.Predicate;

/**
 * A compiled rule.
 *
 * @param name unique across all rule files
 * @param description free text for people, or an empty string
 * @param enabled false keeps the rule loaded and checked but never applied
 * @param scope the accounts and folders it applies to
 * @param when the condition
 * @param then the actions, in the order written
 * @param stop whether no later rule runs for a message this rule matched
 * @param schedule a Quartz cron expression for rules that run on a schedule, or null for rules run on arrival
 * @param at where the rule starts in its file
 */
public record Rule(String name, String description, boolean enabled, Scope scope, Condition when,
        List<RuleAction> then, boolean stop, String schedule, SourceLocation at) {

    /** Whether evaluating the rule or carrying out its actions reads the message body. */
    public boolean needsBody() {
        return when.needsBody() || then.stream().anyMatch(a -> a.action().needsBody());
    }

    /** One action of a rule, compiled, with where it is written. */
    public record RuleAction(String name, ActionPlugin.Action action, SourceLocation at) {
    }

    /** Account and folder globs; an empty list means all. */
    public record Scope(List<String> accountGlobs, List<Predicate<String>> accounts, List<String> folderGlobs,
            List<Predicate<String>> folders) {

        public static final Scope ALL = new Scope(List.of(), List.of(), List.of(), List.of());

        public boolean includes(String account, String folder) {
            return matchesAny(accounts, account) && matchesAny(folders, folder);
        }

        private static boolean matchesAny(List<Predicate<String>> tests, String value) {
            if (tests.isEmpty()) {
                return true;
            }
            for (Predicate<String> t : tests) {
                if (t.test(value)) {
                    return true;
                }
            }
            return false;
        }
    }
}
