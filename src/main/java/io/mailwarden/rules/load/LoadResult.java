package io.mailwarden.rules.load;

import io.mailwarden.rules.RuleSet;
import java.util.List;

/**
 * The outcome of loading the rule files.
 *
 * @param ruleSet the loaded set, or null when any error was found (a set is never half-loaded)
 * @param diagnostics errors and warnings, in file order
 */
public record LoadResult(RuleSet ruleSet, List<Diagnostic> diagnostics) {

    public boolean ok() {
        return ruleSet != null;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }
}
