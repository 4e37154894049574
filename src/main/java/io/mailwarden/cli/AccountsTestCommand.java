package io.mailwarden.cli;

import io.mailwarden.account.Account;
import io.mailwarden.account.AccountConfigException;
import io.mailwarden.account.AccountResolver;
import io.mailwarden.account.AccountsConfig;
import io.mailwarden.imap.AccountProbe;
import io.mailwarden.imap.ImapException;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mailwarden accounts test [NAME]}: log in and report what the server offers. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Log in to accounts and show capabilities, folders, fallbacks and Exmail warnings.",
        footer = {"", "Exit codes: 0 every account tested works, 1 configuration or login problems."})
public class AccountsTestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "Only this account (default: all)")
    String only;

    @Spec
    CommandSpec spec;

    @Inject
    AccountsConfig config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Account> accounts;
        try {
            accounts = new AccountResolver(System::getenv).resolve(config, only);
        } catch (AccountConfigException e) {
            e.problems().forEach(err::println);
            err.flush();
            return 1;
        }
        List<Account> chosen = accounts;
        if (chosen.isEmpty()) {
            err.println(only == null ? "no accounts configured (mailwarden.accounts.NAME in config/application.yaml)"
                    : "no account named '" + only + "' (configured: " + config.accounts().keySet() + ")");
            err.flush();
            return 1;
        }
        int failed = 0;
        for (Account a : chosen) {
            out.printf("== %s: %s at %s (%s)%n", a.name(), a.username(), a.imap(), a.provider().configName());
            try {
                print(AccountProbe.probe(a, Clock.systemUTC()), out);
            } catch (ImapException e) {
                out.println("   FAILED: " + e.getMessage());
                failed++;
            }
            out.println();
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static void print(AccountProbe.Report r, PrintWriter out) {
        out.println("   login: ok");
        out.println("   capabilities: " + String.join(" ", r.capabilities()));
        out.println("   folders:");
        for (AccountProbe.FolderInfo f : r.folders()) {
            out.printf("     %-40s %s%s%n", f.name(), String.join(" ", f.attributes()), f.selectable() ? "" : "  (not selectable)");
        }
        r.fallbacks().forEach(f -> out.println("   fallback: " + f));
        r.warnings().forEach(w -> out.println("   WARNING: " + w));
    }
}
