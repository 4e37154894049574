package io.mailwarden.daemon.request;

import io.mailwarden.account.Account;
import io.mailwarden.archive.Archive;
import io.mailwarden.archive.Backfill;
import io.mailwarden.archive.Indexer;
import io.mailwarden.archive.linked.LinkedFiles;
import io.mailwarden.imap.LoginBudget;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * What an archive job runs on: the open archive, and the accounts with their login budgets.
 *
 * @param linkedFiles the files messages link to, or null when their download is off
 * @param options the backfill's settings (its workers also rebuild the index)
 * @param accounts the accounts a job may name
 * @param budgets each account's login budget (the daemon's own, so that its logins and a job's are counted together)
 * @param walks per account name, the lock of walks over its folders (the daemon's sync of the account and a
 *        requested backfill take turns)
 */
public record JobEnv(Archive archive, Indexer indexer, LinkedFiles linkedFiles, Backfill.Options options, List<Account> accounts,
        Function<Account, LoginBudget> budgets, Function<String, Lock> walks) {

    /** For a command that opened the archive itself: budgets and locks of its own. */
    public static JobEnv standalone(Archive archive, Indexer indexer, LinkedFiles linkedFiles, Backfill.Options options,
            List<Account> accounts) {
        return new JobEnv(archive, indexer, linkedFiles, options, accounts, a -> LoginBudget.forAccount(a, Clock.systemUTC()),
                name -> new ReentrantLock());
    }
}
