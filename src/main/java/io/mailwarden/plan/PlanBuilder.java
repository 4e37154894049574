package io.mailwarden.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Collects steps from matching rules into one plan: the same step twice is done once, a later flag
 * change overrides an earlier opposite one, and once a step makes the message leave its folder no
 * other such step is added (the message cannot be moved twice). Every such decision becomes a note.
 */
public final class PlanBuilder {

    private final String folder;
    private final List<PlannedAction> actions = new ArrayList<>();
    private final List<String> matched = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String stoppedBy;

    /** @param folder the folder the message is in, so a move into it is recognised as a no-op */
    public PlanBuilder(String folder) {
        this.folder = folder;
    }

    public void matched(String rule) {
        matched.add(rule);
    }

    public void stoppedBy(String rule) {
        stoppedBy = rule;
    }

    public void add(PlannedAction a) {
        Step step = a.step();
        if (step instanceof Step.Move m && Objects.equals(m.folder(), folder)) {
            notes.add(a.rule() + ": " + step.describe() + " skipped: the message is already in " + folder);
            return;
        }
        for (PlannedAction existing : actions) {
            if (existing.step().equals(step)) {
                notes.add(a.rule() + ": " + step.describe() + " already planned by " + existing.rule());
                return;
            }
            if (step.leavesFolder() && existing.step().leavesFolder()) {
                notes.add(a.rule() + ": " + step.describe() + " not planned: " + existing.rule()
                        + " already planned " + existing.step().describe());
                return;
            }
        }
        actions.removeIf(existing -> {
            boolean opposite = opposes(existing.step(), step);
            if (opposite) {
                notes.add(a.rule() + ": " + step.describe() + " overrides " + existing.step().describe()
                        + " from " + existing.rule());
            }
            return opposite;
        });
        actions.add(a);
    }

    private static boolean opposes(Step earlier, Step later) {
        if (earlier instanceof Step.SetFlag e && later instanceof Step.SetFlag l) {
            return e.flag() == l.flag() && e.on() != l.on();
        }
        if (earlier instanceof Step.Keyword e && later instanceof Step.Keyword l) {
            return e.keyword().equalsIgnoreCase(l.keyword()) && e.add() != l.add();
        }
        return false;
    }

    public Plan build() {
        List<PlannedAction> ordered = new ArrayList<>(actions);
        ordered.sort(Comparator.comparingInt(a -> a.step().phase()));
        return new Plan(List.copyOf(ordered), List.copyOf(matched), List.copyOf(notes), stoppedBy);
    }
}
