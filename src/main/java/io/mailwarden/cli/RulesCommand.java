package io.mailwarden.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mailwarden rules ...}. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Check and test rule files.",
        subcommands = {RulesCheckCommand.class, RulesTestCommand.class})
public class RulesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
