package io.mailwarden.daemon;

import io.mailwarden.account.Account;
import io.mailwarden.imap.Supervisor;
import io.mailwarden.message.ArrivalHandler;
import io.mailwarden.rules.RuleLoaderFactory;
import io.mailwarden.rules.RuleRepository;
import io.mailwarden.rules.RulesWatcher;
import io.mailwarden.rules.engine.RuleEngine;
import io.mailwarden.rules.load.LoadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The running daemon: the state store migrated, the rules loaded and hot-reloaded, a watcher per
 * idled folder. {@link #start} fails fast (before any watcher) when the rules do not load.
 */
public final class Daemon implements AutoCloseable {

    private final Supervisor supervisor;
    private final RulesWatcher rulesWatcher;
    private final RuleRepository rules;

    private Daemon(Supervisor supervisor, RulesWatcher rulesWatcher, RuleRepository rules) {
        this.supervisor = supervisor;
        this.rulesWatcher = rulesWatcher;
        this.rules = rules;
    }

    /** Settings of one daemon run. */
    public record Options(Path rulesDir, Path pluginsDir, boolean dryRun, Duration backoffBase) {
    }

    /** Thrown when the daemon cannot start; the message is for the admin. */
    public static final class StartFailure extends Exception {
        public StartFailure(String message) {
            super(message);
        }
    }

    public static Daemon start(List<Account> accounts, Options options, RuleLoaderFactory loaders, RuleEngine engine,
            Stores stores, Clock clock) throws StartFailure {
        return start(accounts, options, loaders, engine, stores, clock, UnaryOperator.identity());
    }

    /** As above, with the arrival handler wrapped (tests inject failures there). */
    static Daemon start(List<Account> accounts, Options options, RuleLoaderFactory loaders, RuleEngine engine,
            Stores stores, Clock clock, UnaryOperator<ArrivalHandler> wrap) throws StartFailure {
        RuleRepository rules = new RuleRepository(loaders.loader(options.pluginsDir()), options.rulesDir());
        LoadResult loaded = rules.reload();
        if (!loaded.ok()) {
            StringBuilder sb = new StringBuilder("the rules have errors; fix them and start again:");
            loaded.errors().forEach(d -> sb.append('\n').append(d));
            throw new StartFailure(sb.toString());
        }
        stores.state().migrate();
        RulesWatcher watcher;
        try {
            watcher = new RulesWatcher(rules);
        } catch (IOException e) {
            throw new StartFailure("cannot watch the rules directory " + options.rulesDir() + ": " + e.getMessage());
        }
        ArrivalPipeline pipeline = new ArrivalPipeline(rules, engine, stores, clock, options.dryRun());
        Supervisor supervisor = new Supervisor(wrap.apply(pipeline), StateAdapters.watchState(stores.checkpoints()), clock,
                options.backoffBase());
        supervisor.start(accounts);
        return new Daemon(supervisor, watcher, rules);
    }

    /** The rules in force and the outcome of the latest (re)load. */
    public RuleRepository rules() {
        return rules;
    }

    public List<Supervisor.WatcherStatus> status() {
        return supervisor.status();
    }

    @Override
    public void close() {
        supervisor.close();
        try {
            rulesWatcher.close();
        } catch (IOException e) {
            // closing a watch service cannot lose anything
        }
    }
}
