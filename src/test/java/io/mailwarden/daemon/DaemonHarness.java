package io.mailwarden.daemon;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.backup.snapshot.SnapshotJob;
import io.mailwarden.message.ArrivalHandler;
import io.mailwarden.outbound.OutboundSettings;
import io.mailwarden.rules.PluginRegistry;
import io.mailwarden.rules.RuleLoaderFactory;
import io.mailwarden.rules.engine.RuleEngine;
import io.mailwarden.state.AuditEntry;
import io.mailwarden.state.Checkpoint;
import io.mailwarden.state.TestState;
import io.mailwarden.testing.TempDirs;
import io.mailwarden.testing.exmail.ExmailMailbox;
import io.mailwarden.testing.exmail.ExmailProxy;
import io.mailwarden.testing.exmail.ExmailProxyBuilder;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * The daemon against a real IMAP and SMTP server: GreenMail on ephemeral loopback ports, optionally an
 * {@link ExmailProxy} in front of it, rules in a temp directory, the state store over in-memory H2
 * (kept across restarts), and a separate plain Angus client to check what the server holds.
 */
public final class DaemonHarness implements AutoCloseable, org.junit.jupiter.api.extension.AfterEachCallback {

    public static final String ACCOUNT = "acme";
    public static final String USER = "zhang.san@example.cn";
    public static final String PASSWORD = "client-specific-password";
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    final GreenMail greenMail;
    final GreenMailUser user;
    private final String accountName;
    private final String address;
    private final boolean ownsServer;
    private String sentFolder;
    private OutboundSettings outbound = new OutboundSettings(200, 50, Duration.ofHours(1),
            OutboundSettings.defaults().neverReplyTo(), OutboundSettings.defaults().spamHeaders(), false,
            Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofSeconds(1), 5, Duration.ofSeconds(10));
    final TestState state = new TestState();
    final Stores stores = new Stores(state.store, state.checkpoints, state.processed, state.audit,
            state.progress, state.outbox);
    private final Path rulesDir;
    private final Path pluginsDir;
    private ExmailProxy proxy;
    private ExmailMailbox exmail;
    private Provider provider = Provider.CUSTOM;
    private String password = PASSWORD;
    private Duration idleRenew = Duration.ofSeconds(2);
    private UnaryOperator<ArrivalHandler> wrap = UnaryOperator.identity();
    private List<String> pollFolders = List.of();
    private Duration pollInterval = Duration.ofMillis(500);
    private double maxMessagesPerSecond = 50;
    private TestJobScheduler scheduler;
    private Daemon daemon;
    private Archiving archiving;
    private SnapshotJob backup;
    private IMAPStore client;

    private final Path tmp;

    /** A harness in a temporary directory of its own; register it with {@code @RegisterExtension} to close it after each test. */
    public DaemonHarness() {
        this(temporaryDirectory());
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("mailwarden-daemon-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) {
        close();
    }

    private DaemonHarness(Path tmp) {
        this(tmp, startServer(), ACCOUNT, USER, true);
    }

    /** A second daemon, with state of its own, for another account ({@code address}) on {@code server}'s mail server. */
    public DaemonHarness(DaemonHarness server, String account, String address) {
        this(temporaryDirectory(), server.greenMail, account, address, false);
    }

    private static GreenMail startServer() {
        GreenMail gm = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        gm.start();
        return gm;
    }

    private DaemonHarness(Path tmp, GreenMail greenMail, String account, String address, boolean ownsServer) {
        this.tmp = tmp;
        this.greenMail = greenMail;
        this.accountName = account;
        this.address = address;
        this.ownsServer = ownsServer;
        user = greenMail.setUser(address, address, PASSWORD);
        rulesDir = tmp.resolve("rules");
        pluginsDir = tmp.resolve("plugins");
        try {
            Files.createDirectories(rulesDir);
            Files.createDirectories(pluginsDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Gives the account Exmail's folder layout (system folders, \Noselect 其他文件夹 with these user folders). */
    public DaemonHarness exmailLayout(String... userFolders) {
        exmail = ExmailMailbox.create(greenMail, user, userFolders);
        return this;
    }

    /** Puts an Exmail proxy, configured by {@code settings}, between the daemon and GreenMail. */
    public DaemonHarness proxy(UnaryOperator<ExmailProxyBuilder> settings) {
        proxy = settings.apply(ExmailProxy.builder().upstream("127.0.0.1", greenMail.getImap().getPort())).start();
        return this;
    }

    public ExmailProxy proxy() {
        return proxy;
    }

    public DaemonHarness provider(Provider p) {
        provider = p;
        return this;
    }

    public DaemonHarness password(String p) {
        password = p;
        return this;
    }

    public DaemonHarness idleRenew(Duration d) {
        idleRenew = d;
        return this;
    }

    /** Polls these folders (globs) every {@code interval} (also the NOOP period of servers without IDLE). */
    public DaemonHarness poll(Duration interval, String... folders) {
        pollFolders = List.of(folders);
        pollInterval = interval;
        return this;
    }

    /** The rate limit of scheduled rules' runs, from the next start on. */
    public DaemonHarness maxMessagesPerSecond(double perSecond) {
        maxMessagesPerSecond = perSecond;
        return this;
    }

    /** The jobs of the running daemon (fire one with {@link TestJobScheduler#fire}). */
    TestJobScheduler scheduler() {
        return scheduler;
    }

    /** Wraps the daemon's arrival handler (to inject failures) from the next start on. */
    public DaemonHarness wrapHandler(UnaryOperator<ArrivalHandler> w) {
        wrap = w;
        return this;
    }

    /** Writes the rule file {@code rules.yaml} (the whole YAML text). */
    public DaemonHarness rules(String yaml) {
        return ruleFile("rules.yaml", yaml);
    }

    public DaemonHarness ruleFile(String name, String yaml) {
        try {
            Files.writeString(rulesDir.resolve(name), yaml.stripIndent(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** How replies and forwards are sent from the next start on (the harness's default retries fast). */
    public DaemonHarness outbound(OutboundSettings settings) {
        outbound = settings;
        return this;
    }

    public OutboundSettings outbound() {
        return outbound;
    }

    /** Keeps a copy of sent automatic mail in this folder, from the next start on. */
    public DaemonHarness sentFolder(String folder) {
        sentFolder = folder;
        return this;
    }

    public Account account() {
        int port = proxy != null ? proxy.port() : greenMail.getImap().getPort();
        Endpoint imap = new Endpoint("127.0.0.1", port, TlsMode.NONE);
        Endpoint smtp = new Endpoint("127.0.0.1", greenMail.getSmtp().getPort(), TlsMode.NONE);
        return new Account(accountName, provider, address, new Account.Secret(password), imap, smtp, null,
                List.of("INBOX"), pollFolders, pollInterval, idleRenew, true, address, sentFolder);
    }

    /** The state store of this daemon (outbox and vacation memory included). */
    public Stores stores() {
        return stores;
    }

    /** The mail server's SMTP port (loopback, no TLS, no login needed). */
    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /** Every message the mail server received by SMTP, oldest first. */
    public List<MimeMessage> smtpReceived() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** The daemon archives with {@code a} (none by default). */
    public DaemonHarness archiving(Archiving a) {
        this.archiving = a;
        return this;
    }

    /** The daemon takes snapshots with {@code job} (none by default). */
    public DaemonHarness backup(SnapshotJob job) {
        this.backup = job;
        return this;
    }

    /** Starts the daemon and waits until every watcher idles (or polls). */
    public Daemon start() throws Daemon.StartFailure {
        scheduler = new TestJobScheduler();
        daemon = Daemon.start(List.of(account()), new Daemon.Options(rulesDir, pluginsDir, false, Duration.ofMillis(100),
                maxMessagesPerSecond, outbound, archiving, backup), new RuleLoaderFactory(PluginRegistry.builtins(), pluginsDir), new RuleEngine(), stores,
                scheduler, Clock.systemUTC(), wrap);
        awaitWatching();
        return daemon;
    }

    public void awaitWatching() {
        await("the watchers idle", () -> !daemon.status().isEmpty() && daemon.status().stream()
                .allMatch(s -> s.state().equals("idle") || s.state().equals("polling")));
    }

    public void stop() {
        if (daemon != null) {
            daemon.close();
            daemon = null;
        }
        if (scheduler != null) {
            scheduler.close();
            scheduler = null;
        }
    }

    public Daemon daemon() {
        return daemon;
    }

    // --- mail ---

    public static MimeMessage message(String subject, String body) throws MessagingException {
        return message(null, subject, body);
    }

    /** A plain text message, with the given Message-ID (or a generated one when null). */
    public static MimeMessage message(String messageId, String subject, String body) throws MessagingException {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (messageId != null) {
                    setHeader("Message-ID", messageId);
                } else {
                    super.updateMessageID();
                }
            }
        };
        m.setFrom(new InternetAddress("li.si@vendor.example"));
        m.setRecipients(Message.RecipientType.TO, USER);
        m.setSubject(subject, "UTF-8");
        m.setText(body, "UTF-8");
        m.saveChanges();
        return m;
    }

    /** New mail arrives in INBOX. */
    public void deliver(MimeMessage m) {
        if (exmail != null) {
            exmail.deliver("INBOX", m);
        } else {
            user.deliver(m);
        }
    }

    public void deliver(String subject) throws MessagingException {
        deliver(message(subject, "Hello " + subject));
    }

    /**
     * Puts messages straight into {@code folder} (created when missing) through GreenMail's own API, as mail
     * filed there before the daemon looked: much quicker than APPEND for many.
     */
    public void file(String folder, List<MimeMessage> messages) {
        var hosts = greenMail.getManagers().getImapHostManager();
        try {
            var f = hosts.getFolder(user, folder);
            if (f == null) {
                f = hosts.createMailbox(user, folder);
            }
            for (MimeMessage m : messages) {
                f.appendMessage(m, new Flags(), new java.util.Date());
            }
        } catch (com.icegreen.greenmail.store.FolderException | com.icegreen.greenmail.imap.AuthorizationException e) {
            throw new IllegalStateException("cannot file mail in " + folder + ": " + e.getMessage(), e);
        }
    }

    // --- server state, through a separate client ---

    /** A plain Angus client straight to GreenMail (never through the proxy: its transcript stays the daemon's). */
    public IMAPStore client() throws MessagingException {
        if (client == null || !client.isConnected()) {
            Properties p = new Properties();
            p.setProperty("mail.imap.statuscachetimeout", "0");
            p.setProperty("mail.imap.timeout", "10000");
            client = (IMAPStore) Session.getInstance(p).getStore("imap");
            client.connect("127.0.0.1", greenMail.getImap().getPort(), address, PASSWORD);
        }
        return client;
    }

    /** A message as the server holds it. */
    public record Mail(long uid, String subject, Flags flags) {
        public boolean has(Flags.Flag f) {
            return flags.contains(f);
        }

        public boolean has(String keyword) {
            return flags.contains(keyword);
        }
    }

    /** The messages of a folder, {@code /} between levels; empty when the folder does not exist. */
    public List<Mail> mail(String folder) throws MessagingException {
        Folder f = client().getFolder(folder.replace('/', '.'));
        if (!f.exists()) {
            return List.of();
        }
        f.open(Folder.READ_ONLY);
        try {
            List<Mail> out = new ArrayList<>();
            for (Message m : f.getMessages()) {
                out.add(new Mail(((jakarta.mail.UIDFolder) f).getUID(m), m.getSubject(), m.getFlags()));
            }
            return out;
        } finally {
            f.close(false);
        }
    }

    public List<String> subjects(String folder) throws MessagingException {
        return mail(folder).stream().map(Mail::subject).toList();
    }

    public Optional<Mail> find(String folder, String subject) throws MessagingException {
        return mail(folder).stream().filter(m -> subject.equals(m.subject())).findFirst();
    }

    public boolean holds(String folder, String subject) {
        try {
            return find(folder, subject).isPresent();
        } catch (MessagingException e) {
            return false;
        }
    }

    /** The audit trail of the account, oldest first. */
    public List<AuditEntry> audit() {
        List<AuditEntry> all = new ArrayList<>(state.audit.recent(10_000));
        Collections.reverse(all);
        return all;
    }

    public List<AuditEntry> audit(long uid) {
        return audit().stream().filter(e -> e.uid() == uid).toList();
    }

    public Optional<Checkpoint> checkpoint() {
        return state.checkpoints.find(accountName, "INBOX");
    }

    /** Waits until the INBOX checkpoint reaches {@code uid}. */
    public void awaitHandled(long uid) {
        awaitHandled(uid, TIMEOUT);
    }

    /** Like {@link #awaitHandled(long)}, with a longer wait for slow work (very large messages). */
    public void awaitHandled(long uid, Duration timeout) {
        await("UID " + uid + " handled", timeout, () -> checkpoint().map(c -> c.lastUid() >= uid).orElse(false));
    }

    public static void await(String what, BooleanSupplier done) {
        await(what, TIMEOUT, done);
    }

    public static void await(String what, Duration timeout, BooleanSupplier done) {
        Instant end = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            pause(Duration.ofMillis(50));
        }
    }

    public static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    @Override
    public void close() {
        stop();
        if (client != null) {
            try {
                client.close();
            } catch (MessagingException ignored) {
                // the server goes away next
            }
        }
        if (proxy != null) {
            proxy.close();
        }
        if (ownsServer) {
            greenMail.stop();
        }
        TempDirs.delete(tmp);
    }
}
