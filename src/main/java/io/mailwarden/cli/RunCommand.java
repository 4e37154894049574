package io.mailwarden.cli;

import io.mailwarden.account.Account;
import io.mailwarden.account.AccountConfigException;
import io.mailwarden.account.AccountResolver;
import io.mailwarden.account.AccountsConfig;
import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.daemon.Daemon;
import io.mailwarden.daemon.DaemonLauncher;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.ImapException;
import io.mailwarden.imap.LoginBudget;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mailwarden run}: the daemon. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the daemon: watch the configured accounts and apply the rules to new mail.",
        footer = {"", "Exit codes: 0 stopped normally, 1 configuration, rules or a server is not usable at start."})
public class RunCommand implements Callable<Integer> {

    @Mixin
    RulesOptions rulesOptions;

    @Option(names = "--dry-run", description = "Log what the rules would do, without touching the servers")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Inject
    AccountsConfig accountsConfig;

    @Inject
    MailwardenConfig config;

    @Inject
    DaemonLauncher launcher;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<Account> accounts;
        try {
            accounts = new AccountResolver(System::getenv).resolve(accountsConfig);
        } catch (AccountConfigException e) {
            e.problems().forEach(err::println);
            err.flush();
            return 1;
        }
        if (accounts.isEmpty()) {
            err.println("no accounts configured: add mailwarden.accounts.NAME to config/application.yaml "
                    + "(or try `mailwarden demo`, which needs no configuration)");
            err.flush();
            return 1;
        }
        List<String> unreachable = reachability(accounts);
        if (!unreachable.isEmpty()) {
            unreachable.forEach(err::println);
            err.flush();
            return 1;
        }
        var options = new Daemon.Options(rulesOptions.rulesDir != null ? rulesOptions.rulesDir : config.rules().dir(),
                rulesOptions.pluginsDir != null ? rulesOptions.pluginsDir : config.plugins().dir(), dryRun,
                Duration.ofSeconds(1));
        try (Daemon daemon = launcher.start(accounts, options)) {
            Quarkus.waitForExit();
            return 0;
        } catch (Daemon.StartFailure e) {
            err.println(e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** Logs in to every account once, so that a wrong host or password stops the start with a clear line. */
    static List<String> reachability(List<Account> accounts) {
        List<String> problems = new ArrayList<>();
        for (Account a : accounts) {
            try {
                ImapConnector.closeQuietly(new ImapConnector(a, new LoginBudget(1, Duration.ofSeconds(1), Clock.systemUTC()))
                        .connect());
            } catch (ImapException e) {
                problems.add("mailwarden.accounts." + a.name() + ".imap: " + e.getMessage());
            }
        }
        return problems;
    }
}
