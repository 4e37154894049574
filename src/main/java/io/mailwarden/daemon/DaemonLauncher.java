package io.mailwarden.daemon;

import io.mailwarden.account.Account;
import io.mailwarden.outbound.OutboundConfig;
import io.mailwarden.outbound.OutboundSettings;
import io.mailwarden.rules.RuleLoaderFactory;
import io.mailwarden.rules.engine.RuleEngine;
import io.mailwarden.schedule.QuarkusJobScheduler;
import io.mailwarden.schedule.ScheduleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/** Starts daemons with the application's rules machinery and state store (for {@code run} and {@code demo}). */
@ApplicationScoped
public class DaemonLauncher {

    private final RuleLoaderFactory loaders;
    private final RuleEngine engine;
    private final Stores stores;
    private final QuarkusJobScheduler scheduler;
    private final ScheduleConfig schedule;
    private final OutboundConfig outbound;
    private volatile Daemon running;

    public DaemonLauncher(RuleLoaderFactory loaders, RuleEngine engine, Stores stores, QuarkusJobScheduler scheduler,
            ScheduleConfig schedule, OutboundConfig outbound) {
        this.loaders = loaders;
        this.outbound = outbound;
        this.scheduler = scheduler;
        this.schedule = schedule;
        this.engine = engine;
        this.stores = stores;
    }

    public Daemon start(List<Account> accounts, Daemon.Options options) throws Daemon.StartFailure {
        running = Daemon.start(accounts, options.withMaxMessagesPerSecond(schedule.maxMessagesPerSecond())
                .withOutbound(OutboundSettings.from(outbound)), loaders, engine, stores, scheduler, Clock.systemUTC());
        return running;
    }

    /** The daemon this process started, for the health checks; null in subcommands that run none. */
    public Daemon running() {
        return running;
    }

    public Stores stores() {
        return stores;
    }
}
