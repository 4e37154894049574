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
}
