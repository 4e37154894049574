package io.mailwarden.cli;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.daemon.Daemon;
import io.mailwarden.message.parse.HeaderText;
import io.mailwarden.outbound.Suppression;
import io.mailwarden.state.CheckpointStore;
import io.mailwarden.state.OutboxEntry;
import io.mailwarden.state.OutboxStore;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/** The demo's embedded GreenMail IMAP and SMTP server on loopback, and what the demo does with it. */
final class DemoServer implements AutoCloseable {

    static final String ACCOUNT = "demo";
    static final String ADDRESS = "demo@mailwarden.example";
    static final String PASSWORD = "demo";

    private final GreenMail greenMail;
    private final int imapPort;
    private final int smtpPort;

    private DemoServer(GreenMail greenMail, int imapPort, int smtpPort) {
        this.greenMail = greenMail;
        this.imapPort = imapPort;
        this.smtpPort = smtpPort;
    }

    /** Thrown when the demo server cannot start; the message says why in a line. */
    static final class StartFailure extends Exception {
        StartFailure(String message) {
            super(message);
        }
    }

    static DemoServer start(int imapPort, int smtpPort) throws StartFailure {
        for (int port : new int[] {imapPort, smtpPort}) {
            try (var probe = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                probe.setReuseAddress(true);
            } catch (IOException e) {
                throw new StartFailure("port " + port + " on 127.0.0.1 is in use (is another demo running?): "
                        + "choose others with --imap-port and --smtp-port");
            }
        }
        GreenMail gm = new GreenMail(new ServerSetup[] {
            new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
            new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)});
        gm.start();
        gm.setUser(ADDRESS, ACCOUNT, PASSWORD);
        return new DemoServer(gm, imapPort, smtpPort);
    }

    Account account() {
        Endpoint imap = new Endpoint("127.0.0.1", imapPort, TlsMode.NONE);
        Endpoint smtp = new Endpoint("127.0.0.1", smtpPort, TlsMode.NONE);
        return new Account(ACCOUNT, Provider.CUSTOM, ACCOUNT, new Account.Secret(PASSWORD), imap, smtp, null,
                List.of("INBOX"), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), false, ADDRESS, null);
    }

    void awaitWatching(Daemon daemon, Duration timeout) {
        await(timeout, "the demo INBOX watcher did not start",
                () -> !daemon.status().isEmpty() && daemon.status().stream().allMatch(s -> s.state().equals("idle")));
    }

    /**
     * Delivers every .eml of the directory to INBOX by SMTP, in name order, as a mail server would: with
     * a Return-Path (the sample's From), which auto-replies require.
     */
    int deliverSamples(Path dir) throws IOException, MessagingException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        Session session = session();
        try (Transport smtp = session.getTransport("smtp")) {
            smtp.connect();
            for (Path f : files) {
                try (InputStream in = Files.newInputStream(f)) {
                    SMTPMessage m = new SMTPMessage(session, in);
                    m.setEnvelopeFrom(envelopeSender(m));
                    smtp.sendMessage(m, new Address[] {new InternetAddress(ADDRESS)});
                }
            }
        }
        return files.size();
    }

    private static String envelopeSender(MimeMessage m) throws MessagingException {
        Address[] from = m.getFrom();
        return from != null && from.length > 0 && from[0] instanceof InternetAddress a ? a.getAddress() : ADDRESS;
    }

    /** The automatic mail the demo's SMTP server received from mailwarden: one line each, recipient and subject. */
    List<String> automaticMail() throws MessagingException {
        List<String> lines = new ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getHeader(Suppression.LOOP_HEADER) != null) {
                String subject = m.getHeader("Subject", null);
                lines.add(String.join(", ", m.getHeader("To", ", ")) + "  " + (subject == null ? ""
                        : HeaderText.decode(subject)));
            }
        }
        return lines;
    }

    /** Waits until the outbox holds no pending mail of the demo account. */
    void awaitOutbox(OutboxStore outbox, Duration timeout) {
        await(timeout, "the automatic mail was not sent", () -> outbox.recent(100).stream()
                .noneMatch(e -> e.account().equals(ACCOUNT) && e.status() == OutboxEntry.Status.PENDING));
    }

    void awaitHandled(CheckpointStore checkpoints, int count, Duration timeout) {
        await(timeout, "the sample mail was not handled in time", () -> checkpoints.find(ACCOUNT, "INBOX")
                .map(c -> c.lastUid() >= count).orElse(false));
    }

    /** Every folder with its messages: flags, keywords and subject. */
    List<String> folderSummary() throws MessagingException {
        List<String> lines = new ArrayList<>();
        try (Store store = store()) {
            for (Folder f : store.getDefaultFolder().list("*")) {
                if ((f.getType() & Folder.HOLDS_MESSAGES) == 0) {
                    continue;
                }
                f.open(Folder.READ_ONLY);
                lines.add(f.getFullName() + " (" + f.getMessageCount() + ")");
                for (Message m : f.getMessages()) {
                    String[] subject = m.getHeader("Subject"); // decoded by us: split encoded-words included
                    lines.add("    " + flags(m.getFlags()) + "  " + (subject == null ? "" : HeaderText.decode(subject[0])));
                }
                f.close(false);
            }
        }
        return lines;
    }

    private static String flags(Flags f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.contains(Flags.Flag.SEEN) ? "read  " : "unread");
        sb.append(f.contains(Flags.Flag.FLAGGED) ? " ★" : "  ");
        for (String k : f.getUserFlags()) {
            sb.append(' ').append(k);
        }
        return String.format("%-28s", sb);
    }

    private Session session() {
        Properties p = new Properties();
        p.put("mail.imap.host", "127.0.0.1");
        p.put("mail.imap.port", String.valueOf(imapPort));
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(smtpPort));
        return Session.getInstance(p);
    }

    private Store store() throws MessagingException {
        Store s = session().getStore("imap");
        s.connect("127.0.0.1", imapPort, ACCOUNT, PASSWORD);
        return s;
    }

    private static void await(Duration timeout, String failure, BooleanSupplier done) {
        Instant end = Instant.now().plus(timeout);
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new IllegalStateException(failure + " within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(failure + ": interrupted");
            }
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
