package io.mailwarden.cli;

import io.mailwarden.message.parse.MimeDefaults;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import picocli.CommandLine;

/** The {@code mailwarden} executable. */
@QuarkusMain
public class Main implements QuarkusApplication {

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        MimeDefaults.install(); // Jakarta Mail reads these once, when its classes load: before anything else
        configureFor(args);
        Quarkus.run(Main.class, args);
    }

    /** Start-up settings that depend on the subcommand (read by Quarkus when it starts). */
    static void configureFor(String... args) {
        if (!runsDaemon(args)) {
            // only the daemon schedules jobs (the others skip creating Quartz, a quarter second) and
            // serves HTTP: subcommands must never take the port a running daemon listens on
            disableUnlessSet(SCHEDULER_ENABLED, "QUARKUS_SCHEDULER_ENABLED");
            disableUnlessSet(HTTP_ENABLED, "QUARKUS_HTTP_HOST_ENABLED");
        }
    }

    private static final String SCHEDULER_ENABLED = "quarkus.scheduler.enabled";
    private static final String HTTP_ENABLED = "quarkus.http.host-enabled";

    private static void disableUnlessSet(String property, String env) {
        if (System.getProperty(property) == null && System.getenv(env) == null) {
            System.setProperty(property, "false");
        }
    }

    /** Whether the subcommand is one that runs the daemon ({@code run}, {@code demo}). */
    static boolean runsDaemon(String... args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a.equals("run") || a.equals("demo");
            }
        }
        return false;
    }

    @Override
    public int run(String... args) {
        return CommandLines.create(factory).execute(args);
    }
}
