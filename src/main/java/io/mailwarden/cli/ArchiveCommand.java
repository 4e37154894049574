package io.mailwarden.cli;

import io.mailwarden.account.Account;
import io.mailwarden.account.AccountConfigException;
import io.mailwarden.account.AccountResolver;
import io.mailwarden.account.AccountsConfig;
import io.mailwarden.archive.ArchiveService;
import io.mailwarden.archive.index.IndexException;
import io.mailwarden.search.SearchService;
import io.mailwarden.state.ArchivedLocation;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What the archive's commands share: opening the archive, resolving accounts, reporting problems. */
abstract class ArchiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    ArchiveService archives;

    @Inject
    AccountsConfig accountsConfig;

    /** Work on the open archive. */
    @FunctionalInterface
    interface ArchiveWork {
        int run(ArchiveService.Opened opened) throws Exception;
    }

    /** Work on the open archive for some accounts. */
    @FunctionalInterface
    interface AccountsWork {
        int run(List<Account> accounts, ArchiveService.Opened opened) throws Exception;
    }

    protected abstract int work() throws Exception;

    @Override
    public final Integer call() {
        try {
            return work();
        } catch (Exception e) {
            err().println(e.getMessage());
            return 1;
        } finally {
            out().flush();
            err().flush();
        }
    }

    /** Runs {@code work} with the archive open; a configuration or index problem is one clear line. */
    int withArchive(ArchiveWork work) throws Exception {
        ArchiveService.Opened opened;
        try {
            opened = archives.open();
        } catch (IllegalArgumentException | IndexException e) {
            err().println(e.getMessage());
            return 1;
        }
        try (opened) {
            return work.run(opened);
        }
    }

    /** As {@link #withArchive}, with the configured accounts ({@code only} one when given). */
    int withAccounts(String only, AccountsWork work) throws Exception {
        List<Account> accounts = accounts(only);
        return accounts == null ? 1 : withArchive(opened -> work.run(accounts, opened));
    }

    /** The configured accounts ({@code only} one when given), or null after saying what is wrong. */
    List<Account> accounts(String only) {
        List<Account> accounts;
        try {
            accounts = new AccountResolver(System::getenv).resolve(accountsConfig, only);
        } catch (AccountConfigException e) {
            e.problems().forEach(err()::println);
            return null;
        }
        if (accounts.isEmpty()) {
            err().println(only == null ? "no accounts configured (mailwarden.accounts.NAME in config/application.yaml)"
                    : "no account named '" + only + "' (configured: " + accountsConfig.accounts().keySet() + ")");
            return null;
        }
        return accounts;
    }

    /**
     * {@code select} narrowed to the places a search {@code query} matches (all of them when there is no
     * query), or null after saying that there is no index to run the query on.
     *
     * @throws io.mailwarden.search.QuerySyntaxException when the query is malformed
     */
    Predicate<ArchivedLocation> matching(Predicate<ArchivedLocation> select, List<String> query, SearchService search) {
        String q = String.join(" ", query).strip();
        if (q.isEmpty()) {
            return select;
        }
        if (!search.indexExists()) {
            err().println("no index at " + search.indexPath() + " to run the query on: nothing has been archived yet");
            return null;
        }
        Set<String> ids = search.ids(q);
        return select.and(l -> ids.contains(l.id()));
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
