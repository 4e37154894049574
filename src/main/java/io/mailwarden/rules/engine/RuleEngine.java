package io.mailwarden.rules.engine;

import io.mailwarden.message.MailItem;
import io.mailwarden.plan.Plan;
import io.mailwarden.plan.PlanBuilder;
import io.mailwarden.plan.PlannedAction;
import io.mailwarden.plan.Step;
import io.mailwarden.plugin.Facts;
import io.mailwarden.rules.Rule;
import io.mailwarden.rules.RuleSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns a message into a plan. Pure: it reads the message and the rules and touches nothing else
 * (exec condition plugins aside), so {@code rules test}, replay and the daemon agree exactly.
 */
public final class RuleEngine {

    /** Evaluates the rules that run on arrival (rules with a schedule are left to their schedule). */
    public Plan evaluate(RuleSet rules, MailItem item, Instant now) {
        return run(rules.rules(), item, now, null, false);
    }

    /** Evaluates one scheduled rule, as its schedule fires, over one message. */
    public Plan evaluateScheduled(Rule rule, MailItem item, Instant now) {
        return run(List.of(rule), item, now, null, true);
    }

    /** Like {@link #evaluate}, recording what happened to every rule, for {@code rules test}. */
    public Trace trace(RuleSet rules, MailItem item, Instant now) {
        List<Trace.Entry> entries = new ArrayList<>();
        Plan plan = run(rules.rules(), item, now, entries, false);
        return new Trace(List.copyOf(entries), plan);
    }

    private Plan run(List<Rule> rules, MailItem item, Instant now, List<Trace.Entry> trace, boolean scheduled) {
        Facts facts = new Facts(item, now);
        PlanBuilder plan = new PlanBuilder(item.folder());
        List<String> notes = new ArrayList<>();
        String stoppedBy = null;
        for (Rule rule : rules) {
            if (stoppedBy != null) {
                String by = stoppedBy;
                record(trace, rule, Trace.Outcome.AFTER_STOP, () -> "stopped by " + by);
                continue;
            }
            if (!rule.enabled()) {
                record(trace, rule, Trace.Outcome.DISABLED, () -> "enabled: false");
                continue;
            }
            if (!scheduled && rule.schedule() != null) {
                record(trace, rule, Trace.Outcome.SCHEDULED, () -> "runs on its schedule: " + rule.schedule());
                continue;
            }
            if (!rule.scope().includes(item.account(), item.folder())) {
                record(trace, rule, Trace.Outcome.OUT_OF_SCOPE, () -> "applies to accounts "
                        + globs(rule.scope().accountGlobs()) + ", folders " + globs(rule.scope().folderGlobs()));
                continue;
            }
            boolean matched;
            try {
                matched = rule.when().test(facts);
            } catch (RuntimeException e) {
                notes.add(rule.name() + ": condition failed: " + e);
                record(trace, rule, Trace.Outcome.FAILED, e::toString);
                continue;
            }
            if (!matched) {
                record(trace, rule, Trace.Outcome.NO_MATCH, () -> "");
                continue;
            }
            String because = explain(rule, facts);
            plan.matched(rule.name());
            List<Step> steps = new ArrayList<>();
            for (Rule.RuleAction a : rule.then()) {
                try {
                    Step step = a.action().plan(facts);
                    steps.add(step);
                    plan.add(new PlannedAction(step, rule.name(), a.at().toString(), because));
                } catch (RuntimeException e) {
                    notes.add(rule.name() + ": action " + a.name() + " at " + a.at() + " failed to plan: " + e);
                }
            }
            if (trace != null) {
                trace.add(new Trace.Entry(rule, Trace.Outcome.MATCHED, because, List.copyOf(steps)));
            }
            if (rule.stop()) {
                stoppedBy = rule.name();
                plan.stoppedBy(stoppedBy);
            }
        }
        Plan built = plan.build();
        notes.addAll(0, built.notes());
        notes.addAll(facts.problems());
        return new Plan(built.actions(), built.matchedRules(), List.copyOf(notes), built.stoppedBy());
    }

    private static String explain(Rule rule, Facts facts) {
        try {
            return rule.when().explain(facts);
        } catch (RuntimeException e) {
            return "matched (no explanation: " + e + ")";
        }
    }

    private static String globs(List<String> globs) {
        return globs.isEmpty() ? "(all)" : String.join(", ", globs);
    }

    /** Records a rule that did not match; the detail is only worded when someone asked for a trace. */
    private static void record(List<Trace.Entry> trace, Rule rule, Trace.Outcome outcome, Supplier<String> detail) {
        if (trace != null) {
            trace.add(new Trace.Entry(rule, outcome, detail.get(), List.of()));
        }
    }
}
