package io.mailwarden.backup.restore;

import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.backup.BackupFixtures;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.imap.ImapAppender;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.LoginBudget;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/** Restores into a test server: messages, sources, the appender, and what a folder holds afterwards. */
final class RestoreFixture {

    static final String PASSWORD = "secret";
    /** The spool of restores whose messages are all small: never written to. */
    static final Spool SPOOL = BackupFixtures.spool(Path.of("target", "restore-test"));

    private RestoreFixture() {
    }

    static Account account(String user, int port, Provider provider) {
        Endpoint imap = new Endpoint("127.0.0.1", port, TlsMode.NONE);
        return new Account("target", provider, user, new Account.Secret(PASSWORD), imap, imap, null, List.of("INBOX"),
                List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), false);
    }

    static ImapAppender appender(Account a) throws Exception {
        return new ImapAppender(new ImapConnector(a, LoginBudget.forAccount(a, Clock.systemUTC())));
    }

    static RestoreReport restore(Account a, Restorer.Options options, MessageSource source) throws Exception {
        return restore(a, options, source, BackfillProgress.NONE, line -> { });
    }

    static RestoreReport restore(Account a, Restorer.Options options, MessageSource source, BackfillProgress progress,
            Consumer<String> listing) throws Exception {
        return restore(a, options, source, SPOOL, progress, listing);
    }

    static RestoreReport restore(Account a, Restorer.Options options, MessageSource source, Spool spool,
            BackfillProgress progress, Consumer<String> listing) throws Exception {
        try (ImapAppender appender = appender(a)) {
            return new Restorer(appender, options, spool, progress, listing).run(source);
        }
    }

    static Restorer.Options intoTheirFolders() {
        return new Restorer.Options(null, null, false);
    }

    /** A message with CRLF line ends; {@code messageId} null for none. */
    static byte[] mail(String messageId, String subject, String body) {
        String s = (messageId == null ? "" : "Message-ID: " + messageId + "\r\n")
                + "From: Li Si <li.si@example.cn>\r\nTo: zhang.san@example.cn\r\n"
                + "Subject: =?UTF-8?B?"
                + java.util.Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=\r\nDate: Mon, 2 Mar 2026 09:15:00 +0800\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body + "\r\n";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static BackupMessage archived(String folder, byte[] raw, Set<String> flags, Instant internalDate, String origin) {
        return new BackupMessage("source", folder, raw, flags, internalDate, origin);
    }

    /** A source of the given messages, in order. */
    static MessageSource source(List<BackupMessage> messages) {
        return new MessageSource() {
            @Override
            public long count() {
                return messages.size();
            }

            @Override
            public void forEach(Sink sink) throws IOException {
                for (BackupMessage m : messages) {
                    sink.accept(m);
                }
            }
        };
    }

    /** Progress that calls {@code action} once, after the {@code n}th message is done. */
    static BackfillProgress after(int n, Runnable action) {
        return new BackfillProgress() {
            private int done;

            @Override
            public void folder(String account, String folder, long messages, long bytes) {
            }

            @Override
            public void message(long bytes) {
                if (++done == n) {
                    action.run();
                }
            }
        };
    }

    /** One message as the server holds it. */
    record Held(byte[] raw, Set<String> flags, Instant internalDate) {
        String text() {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }

    /** What {@code folder} holds, read with PEEK straight from the server; empty when it does not exist. */
    static List<Held> folder(int port, String user, String folder) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.imap.statuscachetimeout", "0");
        p.setProperty("mail.imap.partialfetch", "false"); // a big message in one FETCH, not hundreds of 16 KB ones
        IMAPStore store = (IMAPStore) Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", port, user, PASSWORD);
        try {
            IMAPFolder f = (IMAPFolder) store.getFolder(folder);
            if (!f.exists()) {
                return List.of();
            }
            f.open(Folder.READ_ONLY);
            List<Held> out = new ArrayList<>();
            for (jakarta.mail.Message m : f.getMessages()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (InputStream in = ((org.eclipse.angus.mail.imap.IMAPMessage) m).getMimeStream()) {
                    in.transferTo(bytes);
                }
                out.add(new Held(bytes.toByteArray(), flags(m.getFlags()), m.getReceivedDate().toInstant()));
            }
            f.close(false);
            return out;
        } finally {
            store.close();
        }
    }

    private static Set<String> flags(Flags f) {
        Set<String> out = new TreeSet<>(Arrays.asList(f.getUserFlags()));
        for (Flags.Flag s : f.getSystemFlags()) {
            out.add(s == Flags.Flag.SEEN ? "\\Seen" : s == Flags.Flag.ANSWERED ? "\\Answered"
                    : s == Flags.Flag.FLAGGED ? "\\Flagged" : s == Flags.Flag.DRAFT ? "\\Draft"
                            : s == Flags.Flag.DELETED ? "\\Deleted" : "\\Recent");
        }
        return out;
    }
}
