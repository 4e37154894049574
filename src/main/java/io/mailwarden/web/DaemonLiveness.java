package io.mailwarden.web;

import io.mailwarden.daemon.DaemonLauncher;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the process runs: a server that is down or an account that reconnects makes the daemon
 * not ready, never dead — restarting it would only add logins for a throttled account.
 */
@Liveness
@ApplicationScoped
public class DaemonLiveness implements HealthCheck {

    private final DaemonLauncher launcher;

    public DaemonLiveness(DaemonLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("mailwarden").up()
                .withData("daemon", launcher.running() == null ? "not running" : "running").build();
    }
}
