package io.mailwarden.cli;

import io.mailwarden.account.Account;
import io.mailwarden.archive.ArchiveCheck;
import io.mailwarden.archive.ServerCheck;
import io.mailwarden.archive.Unindexable;
import io.mailwarden.imap.FolderReader;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.LoginBudget;
import java.io.PrintWriter;
import io.mailwarden.archive.index.ReadOnlyIndex;
import io.mailwarden.state.ArchiveCatalog;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mailwarden verify}: check the archive's parts against each other, and against the servers. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check every stored message's hash, that the index and the store agree, and (--server) that the"
                + " archive holds what the servers hold.",
        footer = {"", "Exit codes: 0 no discrepancy, 1 discrepancies found or the archive could not be read."})
public class VerifyCommand extends ArchiveCommand {

    @Inject
    ArchiveCatalog catalog;

    @Option(names = "--server", description = "Also compare each archived folder with the UIDs on its server")
    boolean server;

    @Override
    protected int work() throws Exception {
        List<Account> accounts = server ? accounts(null) : List.of();
        if (accounts == null) {
            return 1;
        }
        int bad = local();
        return bad + remote(accounts) == 0 ? 0 : 1;
    }

    /** The archive's parts against each other, reading the index as last committed (no lock: the daemon may run). */
    private int local() throws Exception {
        Set<String> indexed = Set.of();
        Instant committedAt = null;
        Optional<String> schemaAdvice = Optional.empty();
        int placeOnly = 0;
        try (ReadOnlyIndex index = archives.readOnlyIndex()) {
            if (index != null) {
                indexed = index.ids();
                committedAt = index.committedAt().orElse(null);
                schemaAdvice = index.schema().advice();
                placeOnly = Unindexable.count(index);
            }
        }
        ArchiveCheck.Report r = archives.check().verify(indexed, committedAt, true);
        PrintWriter out = out();
        out.printf("archive: %d place(s), %d stored message(s) (hashes checked), %d indexed%s%n", r.places(), r.stored(),
                r.indexed(), r.uncommitted() == 0 ? "" : ", " + r.uncommitted() + " archived since the index's last commit");
        r.problems().forEach(p -> out.println("  DISCREPANCY " + p));
        if (r.uncommitted() > 0) { // in flight, or left by a crash: say which comes of it either way
            out.println("  NOTE " + r.uncommitted() + " message(s) archived since the index's last commit: the daemon or"
                    + " command writing the archive commits them; after a crash, its next start or archive command indexes them");
        }
        // not a discrepancy: nothing is missing, the documents are only older in form
        schemaAdvice.ifPresent(advice -> out.println("  NOTE " + advice));
        if (placeOnly > 0) { // kept and findable, but not by their text: the operator should know
            out.println("  NOTE " + placeOnly + " message(s) indexed by their place only, their text unreadable to the"
                    + " indexer: `problem:indexed` lists them, `mailwarden reindex` tries them again");
        }
        out.println(r.ok() ? "archive: OK" : "archive: " + r.problemCount() + " discrepancy(ies)");
        return r.ok() ? 0 : 1;
    }

    private int remote(List<Account> accounts) {
        PrintWriter out = out();
        int bad = 0;
        ServerCheck check = new ServerCheck(catalog);
        for (Account a : accounts) {
            try (FolderReader reader = new FolderReader(new ImapConnector(a, LoginBudget.forAccount(a,
                    Clock.systemUTC())))) {
                for (ServerCheck.FolderDiff d : check.compare(reader, a.archiveFolders())) {
                    out.printf("%s/%s: %d on the server%s%n", d.account(), d.folder(), d.onServer(), d.ok() ? ", all archived"
                            : ", " + d.notArchived().size() + " not archived " + sample(d.notArchived()) + ", "
                                    + d.goneFromServer().size() + " archived but gone from the server "
                                    + sample(d.goneFromServer()));
                    bad += d.ok() ? 0 : 1;
                }
            } catch (Exception e) {
                out.println(a.name() + ": cannot compare with the server: " + e.getMessage());
                bad++;
            }
        }
        return bad;
    }

    private static String sample(List<Long> uids) {
        return uids.isEmpty() ? "" : "(UIDs " + uids.subList(0, Math.min(10, uids.size())) + (uids.size() > 10 ? "…)" : ")");
    }
}
