package io.mailwarden.cli;

import io.mailwarden.account.Account;
import io.mailwarden.daemon.request.BackfillJob;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mailwarden backfill}: archive the mail already in the archived folders. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = {"Archive existing mail of the archived folders (resumable; never marks mail read).",
                "While the daemon runs it holds the archive: it does the backfill, and the progress and result show"
                        + " here. Ctrl-C stops the backfill at the next batch boundary; run it again to resume."},
        footer = {"", "Exit codes: 0 done, 1 configuration, server or archive problems, 130 stopped by Ctrl-C."})
public class BackfillCommand extends ArchiveCommand {

    @Option(names = "--account", paramLabel = "NAME", description = "Only this account (default: all)")
    String account;

    @Option(names = "--folder", paramLabel = "GLOB", description = "Only folders matching this glob (default: all archived)")
    String folder;

    @Override
    protected int work() throws Exception {
        List<Account> accounts = accounts(account);
        if (accounts == null) {
            return 1;
        }
        BackfillJob job = new BackfillJob(account, folder);
        return runJob(job, accounts, job::run);
    }
}
