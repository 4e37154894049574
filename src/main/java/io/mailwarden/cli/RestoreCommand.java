package io.mailwarden.cli;

import io.mailwarden.account.Account;
import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.archive.ProgressMeter;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.backup.ArchiveSource;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.format.Formats;
import io.mailwarden.backup.restore.RestoreException;
import io.mailwarden.backup.restore.RestoreReport;
import io.mailwarden.backup.restore.Restorer;
import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.imap.ImapAppender;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.LoginBudget;
import io.mailwarden.search.QuerySyntaxException;
import io.mailwarden.search.SearchService;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.StateStore;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailwarden restore}: append archived mail back into an IMAP account. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Append archived messages (or those of an export or mbox/Maildir/.eml files) back into an IMAP"
                + " account with their flags and internal dates, into their folders (created when missing) or one chosen"
                + " folder. A message the folder already holds (same"
                + " Message-ID and content) is not appended again, so an interrupted restore is simply run again.",
        footer = {"", "Examples:", "  mailwarden restore --account sales --dry-run",
            "  mailwarden restore --account sales --folder INBOX 'after:2026-01-01'",
            "  mailwarden restore --account new --from-account old --to-folder 'Restored' 'from:vendor.example'",
            "  mailwarden restore --account sales --from /backups/sales-2026.mbox --to-folder 'Imported'",
            "", "Exit codes: 0 every message restored or already there, 1 a message failed or the restore stopped"
                    + " (run it again), 2 wrong usage, 3 --from cannot be read."})
public class RestoreCommand extends ArchiveCommand {

    @Option(names = "--account", required = true, paramLabel = "NAME", description = "The account to restore into")
    String account;

    @Option(names = "--from-account", paramLabel = "NAME", description = "Restore the archive of this account (default:"
            + " the --account's own); with --from, only this account's messages of a mailwarden export")
    String fromAccount;

    @Option(names = "--from", paramLabel = "PATH", description = "Restore the messages of these files instead of the"
            + " archive: a mailwarden export, an mbox file or a directory of them, a Maildir (++) tree, .eml files")
    Path from;

    @Option(names = "--folder", paramLabel = "FOLDER", description = "Only messages archived from this folder (into it)")
    String folder;

    @Option(names = "--to-folder", paramLabel = "FOLDER", description = "Put every message into this folder")
    String toFolder;

    @Option(names = "--dry-run", description = "Append nothing: list what would be appended and what is already there")
    boolean dryRun;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Only the archived messages this search matches")
    List<String> query = List.of();

    @Inject
    ArchiveCatalog catalog;

    @Inject
    StateStore state;

    @Inject
    SearchService search;

    @Inject
    MailwardenConfig config;

    @Override
    protected int work() throws Exception {
        if (folder != null && toFolder != null) {
            err().println("--folder and --to-folder exclude each other: --folder F restores F's messages into F,"
                    + " --to-folder F puts every selected message into F");
            return 2;
        }
        if (from != null && !query.isEmpty()) {
            err().println("a QUERY searches the archive; with --from every message of the files is restored (narrow it"
                    + " with --folder)");
            return 2;
        }
        List<Account> accounts = accounts(account);
        if (accounts == null) {
            return 1;
        }
        if (from != null) {
            MessageSource files;
            try {
                files = Formats.open(from, Spool.of(config.dataDir()));
            } catch (IOException e) {
                err().println("--from " + e.getMessage());
                return 3;
            }
            try (MessageSource source = fromAccount == null ? files : ofAccount(files, fromAccount)) {
                return restore(accounts.get(0), source);
            }
        }
        Predicate<ArchivedLocation> places;
        try {
            places = places();
        } catch (QuerySyntaxException e) {
            err().println(e.getMessage());
            return 2;
        }
        if (places == null) {
            return 1;
        }
        state.migrate();
        try (MessageSource source = new ArchiveSource(catalog, new RawStore(config.dataDir()), places)) {
            return restore(accounts.get(0), source);
        }
    }

    /** The archived places to restore: the source account's, in the folder, matching the query; null after an error. */
    private Predicate<ArchivedLocation> places() {
        String of = fromAccount == null ? account : fromAccount;
        return matching(l -> l.account().equals(of) && Restorer.selected(l.folder(), folder), query, search);
    }

    /** The messages of {@code source} from {@code account}'s archive. */
    private static MessageSource ofAccount(MessageSource source, String account) {
        return new MessageSource() {
            @Override
            public void forEach(Sink sink) throws IOException {
                source.forEach(m -> {
                    if (m.account().equals(account)) {
                        sink.accept(m);
                    } else {
                        m.close();
                    }
                });
            }

            @Override
            public void close() throws IOException {
                source.close();
            }
        };
    }

    private int restore(Account a, MessageSource source) throws Exception {
        PrintWriter out = out();
        BackfillProgress progress = dryRun ? BackfillProgress.NONE
                : new ProgressMeter("restore", System.console() != null ? err() : null);
        progress.folder(a.name(), toFolder == null ? "(their folders)" : toFolder, Math.max(0, source.count()), 0);
        RestoreReport report;
        try (ImapAppender appender = new ImapAppender(new ImapConnector(a, LoginBudget.forAccount(a, Clock.systemUTC())))) {
            report = new Restorer(appender, new Restorer.Options(folder, toFolder, dryRun), Spool.of(config.dataDir()),
                    progress, out::println).run(source);
        } catch (RestoreException e) {
            print(a, e.soFar(), out);
            err().println(a.name() + ": " + e.getMessage());
            return 1;
        }
        print(a, report, out);
        return report.ok() ? 0 : 1;
    }

    private static void print(Account a, RestoreReport r, PrintWriter out) {
        String appended = r.dryRun() ? "to append" : "appended";
        for (RestoreReport.Folder f : r.folders()) {
            out.printf("  %s%s: %d %s, %d already there, %d failed%s%n", f.serverName(),
                    f.created() ? (r.dryRun() ? " (to create)" : " (created)") : "", f.appended(), appended, f.present(),
                    f.failed(), f.keywordsDropped() == 0 ? ""
                            : ", " + f.keywordsDropped() + " keyword(s) left off (the folder keeps none)");
        }
        r.failures().forEach(x -> out.printf("  FAILED %s (%s): %s%n", x.origin(), x.folder(), x.answer()));
        out.printf("%s: %d %s, %d already there, %d failed%n", a.name(), r.appended(), appended, r.present(),
                r.failures().size());
    }
}
