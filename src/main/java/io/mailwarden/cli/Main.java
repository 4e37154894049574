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
        Quarkus.run(Main.class, args);
    }

    @Override
    public int run(String... args) {
        return CommandLines.create(factory).execute(args);
    }
}
