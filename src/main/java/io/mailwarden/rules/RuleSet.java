package io.mailwarden.rules;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A complete, valid set of rules: all files of the rules directory, in name order.
 *
 * @param rules every rule, in evaluation order
 * @param files the files they came from
 * @param loadedAt when the set was loaded
 */
public record RuleSet(List<Rule> rules, List<Path> files, Instant loadedAt) {

    public static final RuleSet EMPTY = new RuleSet(List.of(), List.of(), Instant.EPOCH);

    /**
     * Whether a rule applied on arrival in {@code folder} of {@code account} reads message bodies, so
     * they must be fetched whole. Rules with a schedule answer for their own runs ({@link Rule#needsBody()}).
     */
    public boolean needsBody(String account, String folder) {
        for (Rule r : rules) {
            if (r.enabled() && r.schedule() == null && r.scope().includes(account, folder) && r.needsBody()) {
                return true;
            }
        }
        return false;
    }
}
