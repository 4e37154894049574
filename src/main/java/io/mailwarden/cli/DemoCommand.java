package io.mailwarden.cli;

import io.mailwarden.archive.ArchiveService;
import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.daemon.Daemon;
import io.mailwarden.daemon.DaemonLauncher;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.web.auth.ApiToken;
import io.quarkus.runtime.Quarkus;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mailwarden demo}: the daemon against an embedded mail server, with no configuration. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Everything working with no configuration: a local mail server, sample mail, the example rules.")
public class DemoCommand implements Callable<Integer> {

    @Option(names = "--imap-port", defaultValue = "3143", description = "IMAP port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int imapPort;

    @Option(names = "--smtp-port", defaultValue = "3025", description = "SMTP port on 127.0.0.1 (default: ${DEFAULT-VALUE})")
    int smtpPort;

    @Option(names = "--samples", defaultValue = "samples/mail", description = "Sample .eml files to deliver (default: ${DEFAULT-VALUE})")
    Path samples;

    @Option(names = "--once", description = "Stop after the sample mail was handled, instead of running on")
    boolean once;

    @Spec
    CommandSpec spec;

    @Inject
    MailwardenConfig config;

    @Inject
    DaemonLauncher launcher;

    @Inject
    ArchiveCatalog catalog;

    @Inject
    ArchiveService archives;

    @Inject
    ApiToken token;

    @ConfigProperty(name = "quarkus.http.port")
    int httpPort;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        java.time.Instant started = java.time.Instant.now();
        try (DemoServer server = DemoServer.start(imapPort, smtpPort)) {
            launcher.stores().state().migrate();
            launcher.stores().state().forgetAccount(DemoServer.ACCOUNT); // a fresh server each run: start afresh
            launcher.stores().outbox().forgetAccount(DemoServer.ACCOUNT);
            archives.forgetAccount(DemoServer.ACCOUNT); // the last run's mail, bytes included
            var options = new Daemon.Options(config.rules().dir(), config.plugins().dir(), false, Duration.ofMillis(200));
            try (Daemon daemon = launcher.start(List.of(server.account()), options)) {
                server.awaitWatching(daemon, Duration.ofSeconds(30));
                int delivered = server.deliverSamples(samples);
                out.printf("%nDelivered %d sample messages from %s to the demo INBOX; the example rules from %s act on them:%n%n",
                        delivered, samples, config.rules().dir());
                server.awaitHandled(launcher.stores().checkpoints(), delivered, Duration.ofSeconds(60));
                server.awaitOutbox(launcher.stores().outbox(), Duration.ofSeconds(30));
                DemoReport.print(out, launcher.stores().audit().recent(500), started, server.folderSummary(),
                        server.automaticMail());
                server.awaitArchived(catalog, delivered, Duration.ofSeconds(60));
                out.printf("%nThe archive keeps all %d messages whole under %s (messages/: zcat gives each .eml back),"
                        + " their text and their attachments' text indexed for search.%n", catalog.count(),
                        config.dataDir().toAbsolutePath());
                out.flush();
                if (!once) {
                    DemoReport.howToWatch(out, imapPort, smtpPort);
                    DemoReport.howToSearch(out, httpPort, token.where());
                    out.flush();
                    Quarkus.waitForExit();
                }
            } catch (Daemon.StartFailure e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 1;
            }
        } catch (DemoServer.StartFailure e) {
            spec.commandLine().getErr().println(e.getMessage());
            return 1;
        }
        return 0;
    }
}
