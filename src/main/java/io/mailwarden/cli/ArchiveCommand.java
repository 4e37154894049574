package io.mailwarden.cli;

import io.mailwarden.account.Account;
import io.mailwarden.account.AccountConfigException;
import io.mailwarden.account.AccountResolver;
import io.mailwarden.account.AccountsConfig;
import io.mailwarden.archive.ArchiveService;
import io.mailwarden.archive.ProgressMeter;
import io.mailwarden.archive.index.IndexException;
import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.daemon.request.ArchiveJob;
import io.mailwarden.daemon.request.JobEnv;
import io.mailwarden.daemon.request.JobIo;
import io.mailwarden.daemon.request.ProcessId;
import io.mailwarden.daemon.request.RequestClient;
import io.mailwarden.search.SearchService;
import io.mailwarden.state.ArchivedLocation;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * What the archive's commands share: opening the archive (or handing the work to the daemon that holds it),
 * resolving accounts, reporting problems.
 */
abstract class ArchiveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    ArchiveService archives;

    @Inject
    AccountsConfig accountsConfig;

    @Inject
    MailwardenConfig config;

    /** A job's work on the archive the command opened itself. */
    @FunctionalInterface
    interface JobWork {
        int run(JobEnv env, JobIo io) throws Exception;
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

    /**
     * Runs {@code job} ({@code here} does its work) on the archive, opened by the command itself; when a running
     * daemon holds the archive, the daemon runs it, and its progress and result show as if it ran here. A
     * configuration or index problem is one clear line.
     */
    int runJob(ArchiveJob job, List<Account> accounts, JobWork here) throws Exception {
        ArchiveService.Opened opened;
        try {
            opened = archives.open();
        } catch (IndexException e) {
            RequestClient client = new RequestClient(config.dataDir());
            Optional<ProcessId> daemon = client.daemon();
            if (daemon.isEmpty()) {
                err().println(e.getMessage());
                return 1;
            }
            return handOff(client, daemon.get(), job);
        } catch (IllegalArgumentException e) {
            err().println(e.getMessage());
            return 1;
        }
        try (opened) {
            // a command or daemon killed part way can leave places catalogued that its index never committed:
            // bring the index in line first, as the daemon's start does (there always)
            if (opened.index().lastWriterDied()) {
                archives.repair(opened);
            }
            JobEnv env = JobEnv.standalone(opened.archive(), opened.indexer(), opened.linkedFiles(),
                    archives.backfillOptions(), accounts);
            return here.run(env, JobIo.direct(out(), err(), meter(job)));
        }
    }

    /** Has the daemon run {@code job}; meanwhile Ctrl-C goes to the request (stop it, then stop waiting). */
    private int handOff(RequestClient client, ProcessId daemon, ArchiveJob job) throws Exception {
        Signal interrupt = new Signal("INT");
        SignalHandler previous;
        try {
            previous = Signal.handle(interrupt, s -> client.interrupt());
        } catch (IllegalArgumentException e) { // the JVM keeps INT (-Xrs): Ctrl-C ends the command, the daemon goes on
            previous = null;
        }
        try {
            return client.run(job, daemon, out(), err(), meter(job));
        } finally {
            if (previous != null) {
                Signal.handle(interrupt, previous);
            }
        }
    }

    /** The progress bar on a terminal, else log lines, as every archive job shows its progress. */
    private ProgressMeter meter(ArchiveJob job) {
        return new ProgressMeter(job.command(), System.console() != null ? err() : null);
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
