package io.mailwarden.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mailwarden accounts ...}. */
@Command(name = "accounts", mixinStandardHelpOptions = true, description = "Check the configured accounts.",
        subcommands = {AccountsTestCommand.class})
public class AccountsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
