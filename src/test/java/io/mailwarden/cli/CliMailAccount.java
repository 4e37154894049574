package io.mailwarden.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** For tests of commands that reach a server: one account on a GreenMail IMAP server, and its configuration. */
final class CliMailAccount {

    static final String PASSWORD = "pw";

    private CliMailAccount() {
    }

    /** A started GreenMail IMAP server on a free port of 127.0.0.1, with {@code user} (password {@value #PASSWORD}). */
    static GreenMail start(String user) {
        try (ServerSocket s = new ServerSocket(0)) {
            GreenMail g = new GreenMail(new ServerSetup(s.getLocalPort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
            s.close();
            g.start();
            g.setUser(user, user, PASSWORD);
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configuration of account {@code corp} (its password in a file under {@code data}), with {@code data} the data directory. */
    static Map<String, String> config(Path data, GreenMail mail, String user) {
        try {
            Files.createDirectories(data);
            Path password = Files.writeString(data.resolve("password"), PASSWORD + "\n");
            String port = String.valueOf(mail.getImap().getPort());
            return Map.of("mailwarden.data-dir", data.toString(),
                    "mailwarden.accounts.corp.username", user,
                    "mailwarden.accounts.corp.password-file", password.toString(),
                    "mailwarden.accounts.corp.imap.host", "127.0.0.1",
                    "mailwarden.accounts.corp.imap.port", port,
                    "mailwarden.accounts.corp.imap.tls", "none",
                    "mailwarden.accounts.corp.smtp.host", "127.0.0.1",
                    "mailwarden.accounts.corp.smtp.port", port,
                    "mailwarden.accounts.corp.smtp.tls", "none");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server and clears what cli.Main turned off for the subcommands; the JVM goes on with other tests. */
    static void stop(GreenMail mail) {
        mail.stop();
        System.clearProperty("quarkus.scheduler.enabled");
        System.clearProperty("quarkus.http.host-enabled");
    }
}
