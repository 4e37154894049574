package io.mailwarden.cli;

import io.mailwarden.account.Account;
import io.mailwarden.archive.ArchiveCheck;
import io.mailwarden.archive.ServerCheck;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.LoginBudget;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mailwarden verify}: check the archive's parts against each other, and against the servers. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check every stored message's hash, that the index and the store agree, and (--server) that the"
                + " archive holds what the servers hold.",
        footer = {"", "Exit codes: 0 no discrepancy, 1 discrepancies found or the archive could not be read."})
public class VerifyCommand extends ArchiveCommand {

    @Option(names = "--server", description = "Also compare each archived folder with the UIDs on its server")
    boolean server;

    @Override
    protected int work() throws Exception {
        return server ? withAccounts(null, (accounts, opened) -> local(opened) + remote(accounts, opened) == 0 ? 0 : 1)
                : withArchive(opened -> local(opened) == 0 ? 0 : 1);
    }

    private int local(io.mailwarden.archive.ArchiveService.Opened opened) throws Exception {
        ArchiveCheck.Report r = new ArchiveCheck(opened.archive(), opened.indexer()).verify(true);
        PrintWriter out = out();
        out.printf("archive: %d place(s), %d stored message(s) (hashes checked), %d indexed%n", r.places(), r.stored(),
                r.indexed());
        r.problems().forEach(p -> out.println("  DISCREPANCY " + p));
        out.println(r.ok() ? "archive: OK" : "archive: " + r.problemCount() + " discrepancy(ies)");
        return r.ok() ? 0 : 1;
    }

    private int remote(List<Account> accounts, io.mailwarden.archive.ArchiveService.Opened opened) {
        PrintWriter out = out();
        int bad = 0;
        ServerCheck check = new ServerCheck(opened.archive().catalog());
        for (Account a : accounts) {
            try {
                for (ServerCheck.FolderDiff d : check.compare(new ImapConnector(a, LoginBudget.forAccount(a,
                        Clock.systemUTC())), a.archiveFolders())) {
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
