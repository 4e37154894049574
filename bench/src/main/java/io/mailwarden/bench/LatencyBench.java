package io.mailwarden.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * The client side of {@code bench/latency-bench.sh}: how long after a message is APPENDed to INBOX
 * the running daemon's rule has moved it to the target folder, as another IMAP client sees it.
 *
 * <p>Modes (first argument):
 * <ul>
 * <li>{@code serve PORT USER PASSWORD}: a GreenMail IMAP server on 127.0.0.1 (the fallback when
 *     Dovecot is not available); runs until killed.</li>
 * <li>{@code setup PORT USER PASSWORD FOLDER...}: creates the folders (the daemon lists folders once,
 *     at start, so the second watched folder must exist before it starts).</li>
 * <li>{@code run PORT USER PASSWORD}: the measurement. One connection APPENDs to INBOX, one message at
 *     a time; a second connection has the target folder selected and sends NOOP every
 *     {@code bench.poll-ms} until the folder's EXISTS count has grown by one. Warm-up messages first,
 *     then the timed ones; prints the distribution and a {@code LATENCY ...} line for the script.</li>
 * </ul>
 *
 * <p>System properties: {@code bench.messages} (200), {@code bench.warmup} (20), {@code bench.target}
 * (Processed), {@code bench.poll-ms} (2), {@code bench.gap-ms} (50: pause after each message was seen
 * moved, plus up to as much again at random, so that each message meets a daemon back in IDLE, as
 * mail arriving now and then does), {@code bench.timeout-ms} (10000 per message).
 */
public final class LatencyBench {

    private static final String HOST = "127.0.0.1";

    private LatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: LatencyBench serve|setup|run PORT USER PASSWORD [FOLDER...]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[1]);
        String user = args[2];
        String password = args[3];
        switch (args[0]) {
            case "serve" -> serve(port, user, password);
            case "setup" -> setup(port, user, password, Arrays.copyOfRange(args, 4, args.length));
            case "run" -> run(port, user, password);
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    private static void serve(int port, String user, String password) throws InterruptedException {
        GreenMail gm = new GreenMail(new ServerSetup(port, HOST, ServerSetup.PROTOCOL_IMAP));
        gm.start();
        gm.setUser(user + "@bench.example", user, password);
        Runtime.getRuntime().addShutdownHook(new Thread(gm::stop));
        System.out.println("READY greenmail imap " + HOST + ":" + port);
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void setup(int port, String user, String password, String[] folders) throws MessagingException {
        try (IMAPStore store = connect(port, user, password)) {
            for (String name : folders) {
                Folder f = store.getFolder(name);
                if (!f.exists() && !f.create(Folder.HOLDS_MESSAGES)) {
                    throw new IllegalStateException("cannot create folder " + name);
                }
                f.setSubscribed(true);
            }
        }
    }

    private static void run(int port, String user, String password) throws Exception {
        int messages = Integer.getInteger("bench.messages", 200);
        int warmup = Integer.getInteger("bench.warmup", 20);
        String targetName = System.getProperty("bench.target", "Processed");
        long pollNanos = Long.getLong("bench.poll-ms", 2) * 1_000_000L;
        long gapMs = Long.getLong("bench.gap-ms", 50);
        long timeoutNanos = Long.getLong("bench.timeout-ms", 10_000) * 1_000_000L;

        try (IMAPStore appender = connect(port, user, password); IMAPStore watcher = connect(port, user, password)) {
            IMAPFolder inbox = (IMAPFolder) appender.getFolder("INBOX");
            IMAPFolder target = (IMAPFolder) watcher.getFolder(targetName);
            target.open(Folder.READ_ONLY);
            IdleObserver observer = IdleObserver.start(port, user, password);
            Session session = Session.getInstance(new Properties());
            String runId = Long.toString(System.currentTimeMillis(), 36);

            double[] total = new double[messages]; // APPEND sent -> moved message visible in the target
            double[] afterAppend = new double[messages]; // APPEND's OK -> visible
            double[] append = new double[messages]; // the APPEND round trip itself
            double[] notice = new double[messages]; // APPEND sent -> an IDLE client on INBOX is told (EXISTS)
            double[] daemon = new double[messages]; // that notice -> visible: the daemon's own share
            int lost = 0;
            long benchStart = System.nanoTime();
            for (int i = -warmup; i < messages; i++) {
                int before = count(target);
                if (observer != null) {
                    observer.reset();
                }
                MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(message(runId, i, user)));
                long t0 = System.nanoTime();
                AppendUID[] uid = inbox.appendUIDMessages(new Message[] {m});
                long t1 = System.nanoTime();
                long seen = -1;
                while (System.nanoTime() - t0 < timeoutNanos) {
                    if (count(target) > before) {
                        seen = System.nanoTime();
                        break;
                    }
                    LockSupport.parkNanos(pollNanos);
                }
                if (seen < 0) {
                    System.err.printf("message %d (INBOX UID %s) not moved to %s within %d ms%n", i,
                            uid == null || uid[0] == null ? "?" : uid[0].uid, targetName, timeoutNanos / 1_000_000);
                    lost++;
                    if (lost > 3) {
                        throw new IllegalStateException("the daemon does not move the bench mail; see its log");
                    }
                    continue;
                }
                if (i >= 0) {
                    total[i] = (seen - t0) / 1e6;
                    afterAppend[i] = (seen - t1) / 1e6;
                    append[i] = (t1 - t0) / 1e6;
                    long told = observer == null ? -1 : observer.firstExists();
                    notice[i] = told < 0 ? Double.NaN : (told - t0) / 1e6;
                    daemon[i] = told < 0 ? Double.NaN : (seen - told) / 1e6;
                }
                if (gapMs > 0) {
                    Thread.sleep(gapMs + ThreadLocalRandom.current().nextLong(gapMs + 1));
                }
            }
            double seconds = (System.nanoTime() - benchStart) / 1e9;
            if (lost > 0) {
                throw new IllegalStateException(lost + " message(s) were not moved in time");
            }
            int inInbox = inboxCount(appender);
            System.out.printf(Locale.ROOT, "%d messages timed after %d warm-up ones, %.1f s; poll every %d ms, gap %d-%d ms;"
                    + " left in INBOX: %d%n", messages, warmup, seconds, pollNanos / 1_000_000, gapMs, 2 * gapMs, inInbox);
            System.out.println("                          p50      p90      p99      max     mean  (ms)");
            line("APPEND sent -> moved", total);
            line("APPEND OK   -> moved", afterAppend);
            line("APPEND round trip", append);
            if (observer != null && Arrays.stream(notice).noneMatch(Double::isNaN)) {
                line("APPEND sent -> IDLE", notice);
                line("IDLE notice -> moved", daemon);
            } else {
                System.out.println("  (no IDLE notice split: " + (observer == null ? "the server has no IDLE"
                        : "an IDLE notice was missed") + ")");
            }
            if (observer != null) {
                observer.close();
            }
            Arrays.sort(total);
            Arrays.sort(append);
            Arrays.sort(notice);
            Arrays.sort(daemon);
            System.out.printf(Locale.ROOT, "LATENCY messages=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f mean_ms=%.1f"
                    + " append_p50_ms=%.1f idle_notice_p50_ms=%.1f daemon_share_p50_ms=%.1f daemon_share_p99_ms=%.1f%n",
                    messages, pct(total, 50), pct(total, 90), pct(total, 99), total[total.length - 1],
                    Arrays.stream(total).average().orElse(0), pct(append, 50), pct(notice, 50), pct(daemon, 50),
                    pct(daemon, 99));
        }
    }

    private static void line(String what, double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        System.out.printf(Locale.ROOT, "  %-20s %8.1f %8.1f %8.1f %8.1f %8.1f%n", what, pct(v, 50), pct(v, 90), pct(v, 99),
                v[v.length - 1], Arrays.stream(v).average().orElse(0));
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The folder's message count after a NOOP (Angus itself sends NOOP at most once a second). */
    private static int count(IMAPFolder folder) throws MessagingException {
        folder.doCommand(p -> {
            p.noop();
            return null;
        });
        return folder.getMessageCount();
    }

    private static int inboxCount(IMAPStore store) throws MessagingException {
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        try {
            return inbox.getMessageCount();
        } finally {
            inbox.close(false);
        }
    }

    /**
     * A third connection, raw IMAP, IDLEing on INBOX like the daemon's watcher: when the server tells an
     * IDLE client about the new message ({@code * n EXISTS}). Separates the server's notification delay
     * from the daemon's own work. Null when the server has no IDLE.
     */
    static final class IdleObserver implements AutoCloseable {
        private final Socket socket;
        private final Writer out;
        private final AtomicLong firstExists = new AtomicLong(-1);
        private final java.util.concurrent.Semaphore idling = new java.util.concurrent.Semaphore(0);
        private int tag = 4;

        private IdleObserver(Socket socket, Writer out) {
            this.socket = socket;
            this.out = out;
        }

        static IdleObserver start(int port, String user, String password) throws IOException {
            Socket s = new Socket(HOST, port);
            s.setTcpNoDelay(true);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.US_ASCII);
            in.readLine(); // greeting
            String caps = command(in, out, "o1", "CAPABILITY");
            command(in, out, "o2", "LOGIN \"" + user + "\" \"" + password + "\"");
            command(in, out, "o3", "SELECT INBOX");
            if (!caps.toUpperCase(Locale.ROOT).contains(" IDLE")) {
                s.close();
                return null;
            }
            IdleObserver o = new IdleObserver(s, out);
            Thread.ofPlatform().daemon().name("idle-observer").start(() -> {
                try {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        if (line.startsWith("* ") && line.endsWith(" EXISTS")) {
                            o.firstExists.compareAndSet(-1, System.nanoTime());
                        } else if (line.startsWith("+")) {
                            o.idling.release();
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            return o;
        }

        /** Reads up to the tagged answer; returns every line read. */
        private static String command(BufferedReader in, Writer out, String tag, String command) throws IOException {
            out.write(tag + " " + command + "\r\n");
            out.flush();
            StringBuilder all = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                all.append(line).append('\n');
                if (line.startsWith(tag + " ")) {
                    if (!line.startsWith(tag + " OK")) {
                        throw new IOException(command.split(" ")[0] + " failed: " + line);
                    }
                    return all.toString();
                }
            }
            throw new IOException("connection closed during " + command.split(" ")[0]);
        }

        /**
         * Starts IDLE afresh, as the daemon's watcher does after each message: Dovecot delays IDLE
         * notices by up to 500 ms to batch changes, and a delay armed by the previous message's expunge
         * would otherwise tell this client sooner than the daemon about the next message.
         */
        void reset() throws IOException, InterruptedException {
            if (tag > 4) {
                out.write("DONE\r\n");
            }
            out.write("o" + tag++ + " IDLE\r\n");
            out.flush();
            if (!idling.tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IOException("the IDLE observer got no continuation");
            }
            firstExists.set(-1);
        }

        long firstExists() {
            return firstExists.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** An ordinary small text message of about 2 KB whose subject the bench rule matches. */
    static byte[] message(String runId, int i, String user) {
        StringBuilder body = new StringBuilder();
        for (int line = 0; line < 24; line++) {
            body.append("Line ").append(line).append(" of the latency bench message: nothing in here matters to the rules.\r\n");
        }
        String date = ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME);
        String text = "Return-Path: <sender@bench.example>\r\n"
                + "Received: from mx.bench.example (mx.bench.example [127.0.0.1]) by imap.bench.example; " + date + "\r\n"
                + "Message-ID: <" + runId + "." + i + "@bench.example>\r\n"
                + "Date: " + date + "\r\n"
                + "From: Bench Sender <sender@bench.example>\r\n"
                + "To: " + user + "@bench.example\r\n"
                + "Subject: bench-" + i + " latency probe\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 7bit\r\n"
                + "\r\n" + body;
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static IMAPStore connect(int port, String user, String password) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.imap.host", HOST);
        p.put("mail.imap.port", String.valueOf(port));
        p.put("mail.imap.connectiontimeout", "10000");
        p.put("mail.imap.timeout", "30000");
        IMAPStore store = (IMAPStore) Session.getInstance(p).getStore("imap");
        store.connect(HOST, port, user, password);
        return store;
    }
}
