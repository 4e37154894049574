package io.mailwarden.rules.load;

import io.mailwarden.plugin.SourceLocation;

/**
 * A problem found in the rule files, printed the way compilers do:
 * {@code rules/10-finance.yaml:12:9: error: unknown action 'mvoe' — did you mean 'move'?}
 */
public record Diagnostic(Severity severity, SourceLocation at, String message) {

    /** Errors keep the whole set from loading; warnings are reported and the set loads. */
    public enum Severity { ERROR, WARNING }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return at + ": " + severity.name().toLowerCase() + ": " + message;
    }
}
