package io.mailwarden.web;

import io.mailwarden.daemon.Daemon;
import io.mailwarden.daemon.DaemonLauncher;
import io.mailwarden.imap.Supervisor.WatcherStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Ready when every watcher is connected (idle, polling or catching up); each one is listed with its state. */
@Readiness
@ApplicationScoped
public class WatchersReadiness implements HealthCheck {

    static final Set<String> CONNECTED = Set.of("idle", "polling", "catching up");

    private final DaemonLauncher launcher;

    public WatchersReadiness(DaemonLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("mailwarden watchers");
        Daemon daemon = launcher.running();
        if (daemon == null) {
            return r.down().withData("daemon", "not running").build();
        }
        var watchers = daemon.status();
        if (watchers.isEmpty()) {
            return r.down().withData("daemon", "connecting: no watcher has started yet").build();
        }
        boolean all = true;
        for (WatcherStatus w : watchers) {
            boolean up = CONNECTED.contains(w.state());
            all &= up;
            r.withData(w.account() + ":" + w.folder(), w.state() + (up || w.lastError() == null ? "" : " — " + w.lastError()));
        }
        return r.status(all).build();
    }
}
