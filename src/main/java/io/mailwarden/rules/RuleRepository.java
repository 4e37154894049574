package io.mailwarden.rules;

import io.mailwarden.rules.load.LoadResult;
import io.mailwarden.rules.load.RuleLoader;
import java.nio.file.Path;

/**
 * The rule set in force. A reload that finds any error leaves the last good set in force and returns
 * the errors; the daemon's hot reload relies on this.
 */
public final class RuleRepository {

    private final RuleLoader loader;
    private final Path dir;
    private volatile RuleSet current = RuleSet.EMPTY;
    private volatile LoadResult lastResult;

    public RuleRepository(RuleLoader loader, Path dir) {
        this.loader = loader;
        this.dir = dir;
    }

    /** Loads the rules directory again; on success the new set replaces the old one at once. */
    public synchronized LoadResult reload() {
        LoadResult result = loader.load(dir);
        lastResult = result;
        if (result.ok()) {
            current = result.ruleSet();
        }
        return result;
    }

    /** The set in force: the last one that loaded without errors (empty before the first). */
    public RuleSet current() {
        return current;
    }

    /** The outcome of the most recent reload, or null before the first. */
    public LoadResult lastResult() {
        return lastResult;
    }

    public Path dir() {
        return dir;
    }
}
