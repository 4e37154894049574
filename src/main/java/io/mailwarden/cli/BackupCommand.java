package io.mailwarden.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mailwarden backup ...}: snapshots of the data directory. */
@Command(name = "backup", mixinStandardHelpOptions = true, description = "Take, list and verify snapshots of the data directory.",
        subcommands = {BackupNowCommand.class, BackupListCommand.class, BackupVerifyCommand.class})
public class BackupCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
