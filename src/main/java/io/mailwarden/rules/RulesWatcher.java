package io.mailwarden.rules;

import io.mailwarden.rules.load.Diagnostic;
import io.mailwarden.rules.load.LoadResult;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reloads the rules when a file in the rules directory changes. Editors save in several steps, so a
 * change is acted on once the directory has been quiet briefly. A set with errors is reported and
 * the last good set stays in force.
 */
public final class RulesWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("mailwarden.rules");
    private static final long QUIET_MS = 300;

    private final RuleRepository repository;
    private final WatchService watch;
    private final Thread thread;
    private final Runnable onReloaded;

    public RulesWatcher(RuleRepository repository) throws IOException {
        this(repository, () -> { });
    }

    /** @param onReloaded runs after every reload that put a new rule set in force */
    public RulesWatcher(RuleRepository repository, Runnable onReloaded) throws IOException {
        this.repository = repository;
        this.onReloaded = onReloaded;
        this.watch = FileSystems.getDefault().newWatchService();
        // subdirectories too: reply templates and lists kept next to the rules are part of them
        try (var dirs = java.nio.file.Files.walk(repository.dir())) {
            for (Path dir : dirs.filter(java.nio.file.Files::isDirectory).toList()) {
                dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
        this.thread = Thread.ofVirtual().name("rules-watcher").start(this::loop);
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = watch.take();
                drain(key);
                WatchKey more;
                while ((more = watch.poll(QUIET_MS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    /** Reloads now and logs the outcome. */
    public LoadResult reload() {
        LoadResult r = repository.reload();
        r.warnings().forEach(w -> LOG.warn(w.toString()));
        if (r.ok()) {
            LOG.infof("rules reloaded: %d rule(s) from %d file(s)", r.ruleSet().rules().size(), r.ruleSet().files().size());
            onReloaded.run();
        } else {
            for (Diagnostic d : r.errors()) {
                LOG.error(d.toString());
            }
            LOG.errorf("rules NOT reloaded (%d error(s)); the last good set (%d rule(s)) stays in force",
                    r.errors().size(), repository.current().rules().size());
        }
        return r;
    }

    @Override
    public void close() throws IOException {
        watch.close();
        thread.interrupt();
    }
}
