package io.mailwarden.cli;

import io.mailwarden.account.Account;
import io.mailwarden.archive.ArchiveService;
import io.mailwarden.archive.Backfill;
import io.mailwarden.archive.ProgressMeter;
import io.mailwarden.imap.FolderReader;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.LoginBudget;
import io.mailwarden.rules.match.Glob;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mailwarden backfill}: archive the mail already in the archived folders. */
@Command(name = "backfill", mixinStandardHelpOptions = true,
        description = "Archive existing mail of the archived folders (resumable; never marks mail read).",
        footer = {"", "Exit codes: 0 done, 1 configuration, server or archive problems."})
public class BackfillCommand extends ArchiveCommand {

    @Option(names = "--account", paramLabel = "NAME", description = "Only this account (default: all)")
    String account;

    @Option(names = "--folder", paramLabel = "GLOB", description = "Only folders matching this glob (default: all archived)")
    String folder;

    @Override
    protected int work() throws Exception {
        PrintWriter out = out();
        return withAccounts(account, (accounts, opened) -> {
            Backfill.Options options = archives.backfillOptions();
            Predicate<String> only = folder == null ? f -> true : Glob.compile(folder, true).asMatchPredicate();
            ProgressMeter meter = new ProgressMeter("backfill", System.console() != null ? err() : null);
            Backfill backfill = new Backfill(opened.archive(), options, meter);
            int failed = 0;
            for (Account a : accounts) {
                try (FolderReader reader = new FolderReader(new ImapConnector(a, LoginBudget.forAccount(a,
                        Clock.systemUTC())))) {
                    Backfill.Result r = backfill.run(reader, a.archiveFolders(), only);
                    out.printf("%s: %d folder(s), %d message(s) archived, %d already archived, %.1f MB, %d gone from"
                            + " the server%n", a.name(), r.folders(), r.archived(), r.known(), r.bytes() / 1e6, r.deleted());
                } catch (Exception e) {
                    err().println(a.name() + ": backfill stopped: " + e.getMessage()
                            + " (run it again: it resumes where it stopped)");
                    failed++;
                }
            }
            return failed == 0 ? 0 : 1;
        });
    }
}
