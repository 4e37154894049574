package io.mailwarden.daemon.request;

import io.mailwarden.account.Account;
import io.mailwarden.archive.Backfill;
import io.mailwarden.imap.FolderReader;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.rules.match.Glob;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.function.Predicate;

/**
 * {@code backfill}: archives the mail already in the archived folders of the accounts (all, or {@code account}),
 * the folders narrowed by a glob. Stops at a batch boundary when asked; the next run resumes there.
 *
 * @param account the account's name, or null for all
 * @param folder a glob the folders must match, or null for all archived folders
 */
@RegisterForReflection
public record BackfillJob(String account, String folder) implements ArchiveJob {

    static final String NAME = "backfill";

    @Override
    public int run(JobEnv env, JobIo io) throws Exception {
        List<Account> accounts = env.accounts().stream().filter(a -> account == null || a.name().equals(account)).toList();
        if (accounts.isEmpty()) {
            io.err().println("no account named '" + account + "' in the running daemon (its accounts: "
                    + env.accounts().stream().map(Account::name).toList() + "); restart it to use a new account");
            return 1;
        }
        Predicate<String> only = folder == null ? f -> true : Glob.compile(folder, true).asMatchPredicate();
        Backfill backfill = new Backfill(env.archive(), env.options(), io.progress(), () -> io.stop().get() != null);
        int failed = 0;
        for (Account a : accounts) {
            Lock walk = env.walks().apply(a.name());
            boolean told = false;
            while (!walk.tryLock(1, TimeUnit.SECONDS)) { // the daemon's own sync of the account is running
                if (!told) {
                    told = true;
                    io.note().accept(a.name() + ": the daemon is syncing this account; the backfill starts when that"
                            + " sync ends");
                }
                JobIo.Stop stop = io.stop().get();
                if (stop != null) {
                    io.err().println(a.name() + ": backfill stopped " + stop.reason + " before it started");
                    return stop.exit;
                }
            }
            try (FolderReader reader = new FolderReader(new ImapConnector(a, env.budgets().apply(a)))) {
                Backfill.Result r = backfill.run(reader, a.archiveFolders(), only);
                io.out().printf("%s: %d folder(s), %d message(s) archived, %d already archived, %.1f MB, %d gone from"
                        + " the server%n", a.name(), r.folders(), r.archived(), r.known(), r.bytes() / 1e6, r.deleted());
                for (String skipped : r.skipped()) {
                    io.err().println(a.name() + ": folder skipped: " + skipped + " (the next run tries it again)");
                }
                if (!r.skipped().isEmpty()) {
                    failed++;
                }
            } catch (Exception e) {
                io.err().println(a.name() + ": backfill stopped: " + e.getMessage()
                        + " (run it again: it resumes where it stopped)");
                failed++;
            } finally {
                walk.unlock();
            }
            JobIo.Stop stop = io.stop().get();
            if (stop != null) {
                io.err().println(a.name() + ": backfill stopped " + stop.reason
                        + " at a batch boundary (run it again: it resumes where it stopped)");
                return stop.exit;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
