package io.mailwarden.bench;

import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.restore.RestoreReport;
import io.mailwarden.backup.restore.Restorer;
import io.mailwarden.imap.ImapAppender;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.LoginBudget;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Restore throughput into a real IMAP server, side by side with two plain APPEND loops of the same messages
 * to the same server, with the same flags and internal dates (Angus {@code IMAPFolder.appendMessages}, one
 * message a call, as a Java client would; and {@link RawAppend}, bare APPEND commands on a socket, the
 * server's own pace, into a folder not selected and into the selected one), each into an empty folder of its
 * own, in rounds (the restore last in odd rounds, first in even ones); then a rerun of the restore into a
 * folder that already holds everything. See bench/README.md.
 *
 * <p>Usage: {@code RestoreBench PORT USER PASSWORD}, with {@code -Dbench.messages=N} (5000),
 * {@code -Dbench.rounds=N} (2), {@code -Dbench.seed=N} (7).
 */
public final class RestoreBench {

    /** The corpus is small mail, held in memory: nothing is ever spooled. */
    private static final Spool SPOOL = new Spool(Path.of(System.getProperty("java.io.tmpdir"), "mailwarden-bench-spool"),
            RawStore.IN_MEMORY_MAX);

    private RestoreBench() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String user = args[1];
        String password = args[2];
        int n = Integer.getInteger("bench.messages", 5000);
        int rounds = Integer.getInteger("bench.rounds", 2);
        List<BackupMessage> corpus = corpus(n, Long.getLong("bench.seed", 7));
        long bytes = corpus.stream().mapToLong(BackupMessage::size).sum();
        System.out.printf(Locale.ROOT, "messages: %d, %.1f MB (%.1f KB on average), a third \\Seen, a tenth \\Flagged%n",
                n, bytes / 1e6, bytes / 1e3 / n);
        Endpoint imap = new Endpoint("127.0.0.1", port, TlsMode.NONE);
        Account account = new Account("bench", Provider.CUSTOM, user, new Account.Secret(password), imap, imap, null,
                List.of("INBOX"), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), false);
        Session session = Session.getInstance(new Properties());
        List<Message> parsed = new ArrayList<>(n); // parsed before the clock runs: the loop times APPEND alone
        for (BackupMessage m : corpus) {
            parsed.add(mime(session, m));
        }
        double bestLoop = 0;
        double bestRaw = 0;
        double bestSelected = 0;
        double bestRestore = 0;
        for (int r = 1; r <= rounds; r++) {
            int round = r;
            double[] rates = new double[4];
            List<Work> loops = List.of(
                    () -> rates[0] = rate(n, () -> appendLoop(session, port, user, password, "Reference-" + round, parsed)),
                    () -> rates[1] = rate(n, () -> RawAppend.loop(port, user, password, "Raw-" + round, false, corpus)),
                    () -> rates[2] = rate(n, () -> RawAppend.loop(port, user, password, "RawSelected-" + round, true,
                            corpus)),
                    () -> rates[3] = rate(n, () -> check(restore(account, "Restored-" + round, corpus), n, 0)));
            // odd rounds run the restore last, even rounds first: the machine's load drifts during a round
            for (int i = 0; i < loops.size(); i++) {
                loops.get(r % 2 == 1 ? i : loops.size() - 1 - i).run();
            }
            double loop = rates[0];
            double rawLoop = rates[1];
            double selectedLoop = rates[2];
            double restore = rates[3];
            System.out.printf(Locale.ROOT, "round %d: Angus APPEND loop %.0f messages/s, raw APPEND loop %.0f, raw loop"
                    + " into the selected folder %.0f, restore %.0f (%.2f MB/s): restore / Angus %.2f, restore / raw"
                    + " %.2f, restore / raw selected %.2f%n", r, loop, rawLoop, selectedLoop, restore,
                    restore * bytes / n / 1e6, restore / loop, restore / rawLoop, restore / selectedLoop);
            bestLoop = Math.max(bestLoop, loop);
            bestRaw = Math.max(bestRaw, rawLoop);
            bestSelected = Math.max(bestSelected, selectedLoop);
            bestRestore = Math.max(bestRestore, restore);
        }
        double rerun = rate(n, () -> check(restore(account, "Restored-1", corpus), 0, n));
        System.out.printf(Locale.ROOT, "best: Angus APPEND loop %.0f messages/s, raw APPEND loop %.0f, into the selected"
                + " folder %.0f, restore %.0f: restore / Angus %.2f, restore / raw %.2f, restore / raw selected %.2f%n",
                bestLoop, bestRaw, bestSelected, bestRestore, bestRestore / bestLoop, bestRestore / bestRaw,
                bestRestore / bestSelected);
        System.out.printf(Locale.ROOT, "rerun into a folder holding all %d: %.0f messages/s checked, none appended%n", n,
                rerun);
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static double rate(int n, Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static void check(RestoreReport r, long appended, long present) {
        if (!r.ok() || r.appended() != appended || r.present() != present) {
            throw new IllegalStateException("restore did not do what was expected: " + r);
        }
    }

    private static RestoreReport restore(Account account, String folder, List<BackupMessage> corpus) throws Exception {
        try (ImapAppender appender = new ImapAppender(new ImapConnector(account,
                LoginBudget.forAccount(account, Clock.systemUTC())))) {
            return new Restorer(appender, new Restorer.Options(null, folder, false), SPOOL, BackfillProgress.NONE,
                    line -> { }).run(source(corpus));
        }
    }

    /** The reference: one {@code appendMessages} call a message, as a plain client would restore. */
    private static void appendLoop(Session session, int port, String user, String password, String folder,
            List<Message> messages) throws MessagingException {
        IMAPStore store = (IMAPStore) session.getStore("imap");
        store.connect("127.0.0.1", port, user, password);
        try {
            IMAPFolder f = (IMAPFolder) store.getFolder(folder);
            f.create(Folder.HOLDS_MESSAGES);
            for (Message m : messages) {
                f.appendMessages(new Message[] {m});
            }
        } finally {
            store.close();
        }
    }

    private static MimeMessage mime(Session session, BackupMessage m) throws MessagingException, IOException {
        MimeMessage mime = new MimeMessage(session, m.raw().open()) {
            @Override
            public Date getReceivedDate() {
                return Date.from(m.internalDate());
            }
        };
        Flags flags = new Flags();
        if (m.has("\\Seen")) {
            flags.add(Flags.Flag.SEEN);
        }
        if (m.has("\\Flagged")) {
            flags.add(Flags.Flag.FLAGGED);
        }
        mime.setFlags(flags, true);
        return mime;
    }

    private static List<BackupMessage> corpus(int n, long seed) {
        BenchMail mail = new BenchMail(seed, Instant.parse("2026-11-01T00:00:00Z"));
        List<BackupMessage> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BenchMail.Raw raw = mail.next(i);
            Set<String> flags = new TreeSet<>();
            if (i % 3 == 0) {
                flags.add("\\Seen");
            }
            if (i % 10 == 0) {
                flags.add("\\Flagged");
            }
            out.add(new BackupMessage("bench", "INBOX", raw.bytes(), flags,
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i), "bench #" + i));
        }
        return out;
    }

    private static MessageSource source(List<BackupMessage> corpus) {
        return new MessageSource() {
            @Override
            public long count() {
                return corpus.size();
            }

            @Override
            public void forEach(Sink sink) throws IOException {
                for (BackupMessage m : corpus) {
                    sink.accept(m);
                }
            }
        };
    }
}
