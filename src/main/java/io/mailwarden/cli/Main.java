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
        if (!runsDaemon(args) && System.getProperty(SCHEDULER_ENABLED) == null
                && System.getenv("QUARKUS_SCHEDULER_ENABLED") == null) {
            // only the daemon schedules jobs; the other subcommands skip creating Quartz (a quarter second)
            System.setProperty(SCHEDULER_ENABLED, "false");
        }
        Quarkus.run(Main.class, args);
    }

    private static final String SCHEDULER_ENABLED = "quarkus.scheduler.enabled";

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
