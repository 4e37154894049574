package io.mailwarden.web;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.daemon.Daemon;
import io.mailwarden.daemon.DaemonLauncher;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.testing.TempDirs;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The real thing behind the web tests: a GreenMail mailbox with Chinese, English and hostile mail, and the daemon
 * (started through the application's {@link DaemonLauncher}) archiving it into the real raw store and Lucene index.
 */
final class WebFixture implements AutoCloseable {

    static final String TOKEN = "web-test-token-Zm9vYmFy";
    static final String INVOICE_SUBJECT = "三月份增值税发票";
    static final String ATTACHMENT_NAME = "发票清单 \"三月\".txt";
    static final byte[] ATTACHMENT = "品名,金额\n办公用品,1280.00\n".getBytes(StandardCharsets.UTF_8);
    static final String XSS_SUBJECT = "<img src=x onerror=alert(1)>";
    static final int MESSAGES = 3;
    static final String ACCOUNT = "li.na";

    /** The application as the web tests run it: its own data directory and a configured token. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mailwarden.data-dir",
                    Path.of("target/test-data/web-" + ProcessHandle.current().pid()).toAbsolutePath().toString(),
                    "mailwarden.http.token", TOKEN);
        }
    }

    private final GreenMail server;
    private final Daemon daemon;
    private final Path rules;

    private WebFixture(GreenMail server, Daemon daemon, Path rules) {
        this.server = server;
        this.daemon = daemon;
        this.rules = rules;
    }

    /** Starts afresh (each GreenMail is a new server): the data directory forgets what an earlier start archived. */
    static WebFixture start(DaemonLauncher launcher, ArchiveCatalog catalog) throws Exception {
        launcher.stores().state().migrate();
        launcher.stores().state().forgetAccount(ACCOUNT);
        catalog.forgetAccount(ACCOUNT);
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        server.start();
        GreenMailUser user = server.setUser("li.na@corp.example", "li.na", "pw");
        user.deliver(invoice());
        user.deliver(plain(XSS_SUBJECT, "\"Mallory <b>x</b>\" <mallory@evil.example>",
                "xssprobe <script>window.__xss = 1</script> <img src=x onerror=\"window.__xss = 2\">"));
        user.deliver(plain("Quarterly budget review", "Alice <alice@corp.example>", "The budget for Q2 is attached."));
        Path rules = Files.createTempDirectory("web-rules");
        Files.writeString(rules.resolve("r.yaml"), "rules: []\n");
        Endpoint imap = new Endpoint("127.0.0.1", server.getImap().getPort(), TlsMode.NONE);
        Account account = new Account(ACCOUNT, Provider.CUSTOM, "li.na", new Account.Secret("pw"), imap, imap, null,
                List.of("INBOX"), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), false);
        Daemon daemon = launcher.start(List.of(account), new Daemon.Options(rules, rules, false, Duration.ofMillis(100)));
        Instant end = Instant.now().plusSeconds(30);
        while (launcher.archive().index().count() < MESSAGES) {
            if (Instant.now().isAfter(end)) {
                daemon.close();
                server.stop();
                TempDirs.delete(rules);
                throw new AssertionError("the sample mail was not indexed in 30 s");
            }
            Thread.sleep(100);
        }
        return new WebFixture(server, daemon, rules);
    }

    private static MimeMessage invoice() throws Exception {
        MimeMessage m = message(INVOICE_SUBJECT, "财务部 <finance@vendor.example>");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("您好，请查收本月的增值税发票。", "UTF-8");
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(ATTACHMENT, "text/csv")));
        file.setFileName(ATTACHMENT_NAME);
        m.setContent(new MimeMultipart(text, file));
        m.saveChanges();
        return m;
    }

    private static MimeMessage plain(String subject, String from, String body) throws Exception {
        MimeMessage m = message(subject, from);
        m.setText(body, "UTF-8");
        m.saveChanges();
        return m;
    }

    private static MimeMessage message(String subject, String from) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
        m.setFrom(new InternetAddress(from, false));
        m.setRecipients(Message.RecipientType.TO, "li.na@corp.example");
        m.setSubject(subject, "UTF-8");
        m.setSentDate(new Date());
        return m;
    }

    @Override
    public void close() {
        daemon.close();
        server.stop();
        TempDirs.delete(rules);
    }
}
