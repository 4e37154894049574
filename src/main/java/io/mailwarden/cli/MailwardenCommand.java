package io.mailwarden.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top command: without a subcommand it lists them all. */
@Command(name = "mailwarden", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Watches IMAP mailboxes, applies YAML rules, archives and searches mail.",
        commandListHeading = "%nCommands:%n",
        subcommands = {RunCommand.class, DemoCommand.class, RulesCommand.class, AccountsCommand.class, BackfillCommand.class,
                ReindexCommand.class, VerifyCommand.class, SearchCommand.class, ExportCommand.class, ImportCommand.class,
                RestoreCommand.class, BackupCommand.class, RestoreSnapshotCommand.class},
        footer = {"", "Exit codes: 0 success, 1 the command found problems, 2 wrong usage, 3 input unreadable."})
public class MailwardenCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
