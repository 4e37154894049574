package io.mailwarden.backup;

import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.ArchivedLocation.Status;
import io.mailwarden.state.TestState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Messages that make exports hard: From lines in bodies, Chinese folders, hostile folder and file names. */
public final class BackupFixtures {

    public static final String CHINESE = "其他文件夹/项目";
    public static final String LONG = "很长的文件夹名".repeat(40);
    /** The threshold tests spool at: "big" messages of a few hundred KB instead of megabytes. */
    public static final long SMALL_MAX = 64 * 1024;

    private BackupFixtures() {
    }

    /** A varied set over two accounts, one of them with a hostile name. */
    public static List<BackupMessage> hostile() {
        List<BackupMessage> all = new ArrayList<>();
        Instant t = Instant.parse("2026-03-01T08:30:00Z");
        all.add(msg("corp", "INBOX", crlf(raw("Quarterly numbers", "li.lei@example.cn",
                "Hello,\n\nFrom here on the numbers are final.\n>From a quoted line\n>>From deeper\nFrom \n")), t,
                "\\Seen"));
        all.add(msg("corp", "INBOX", raw("LF only", "han.mei@example.cn", "plain LF body\nFrom the start\n"),
                t.plusSeconds(60), "\\Answered", "\\Flagged", "$Forwarded", "Important"));
        all.add(msg("corp", CHINESE, crlf(attachment("合同 发票", "../../etc/passwd")), t.plusSeconds(120), "\\Draft"));
        all.add(msg("corp", "../../etc", crlf(raw("traversal folder", "x@example.cn", "body\n")), t.plusSeconds(180)));
        all.add(msg("corp", "a\\b\u0000c:d*\u0007e", crlf(raw("control characters", "x@example.cn", "body\n")),
                t.plusSeconds(240), "\\Deleted"));
        all.add(msg("corp", "CON", crlf(raw("device name", "x@example.cn", "body\n")), t.plusSeconds(300)));
        all.add(msg("corp", "..", crlf(raw("dot dot", "x@example.cn", "body\n")), t.plusSeconds(360)));
        all.add(msg("corp", ".hidden/.", crlf(raw("dot names", "x@example.cn", "body\n")), t.plusSeconds(420)));
        all.add(msg("corp", LONG, crlf(raw("overlong folder", "x@example.cn", "body\n")), t.plusSeconds(480)));
        all.add(msg("corp", "Inbox", crlf(raw("same name but for case", "x@example.cn", "body\n")), t.plusSeconds(540)));
        all.add(msg("corp", "INBOX", crlf("Subject: headers only\nStatus: RO\nX-Status: A\n"), t.plusSeconds(600),
                "\\Seen", "\\Answered")); // its own pair agrees: readers taking the first Status see the same
        all.add(msg("../evil", "INBOX", crlf(raw("hostile account", "x@example.cn", "From evil\n")), t.plusSeconds(660),
                "\\Seen"));
        return all;
    }

    /** A spool under {@code dir} holding messages over {@link #SMALL_MAX} in files. */
    public static Spool spool(Path dir) {
        return new Spool(dir.resolve("spool"), SMALL_MAX);
    }

    /** The message's bytes, read whole (tests only: their messages are small enough). */
    public static byte[] bytes(RawMessage raw) {
        try (InputStream in = raw.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The spool files left in {@code spool}'s directory (none once every message is closed). */
    public static List<Path> leftIn(Spool spool) throws IOException {
        if (!Files.isDirectory(spool.dir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool.dir())) {
            return files.toList();
        }
    }

    /**
     * A message of about {@code size} bytes with what streaming must get right: body lines starting with
     * {@code From } and {@code >From }, one line longer than any read buffer (300 KB), {@code word} to search
     * for, CRLF line ends unless {@code lf}.
     */
    public static byte[] big(String subject, String word, int size, boolean lf) {
        StringBuilder body = new StringBuilder(size + 1024);
        for (int i = 0; body.length() < size; i++) {
            if (i == 40) {
                body.append("x".repeat(300 * 1024)).append('\n');
            } else if (i % 100 == 7) {
                body.append("From the archive, line ").append(i).append('\n');
            } else if (i % 150 == 9) {
                body.append(">From quoted, line ").append(i).append('\n');
            } else {
                body.append("line ").append(i).append(' ').append(word).append(" lorem ipsum dolor sit amet\n");
            }
        }
        byte[] raw = raw(subject, "big@example.cn", body.toString());
        return lf ? raw : crlf(raw);
    }

    /** An mboxrd file of the messages, each line matching {@code >*From } quoted, the From lines on 2 March 2026. */
    public static Path mbox(Path file, byte[]... messages) throws IOException {
        StringBuilder text = new StringBuilder();
        for (byte[] m : messages) {
            text.append("From sender@example.cn Mon Mar  2 10:00:00 2026\n")
                    .append(new String(m, StandardCharsets.UTF_8).replaceAll("(?m)^(>*From )", ">$1")).append('\n');
        }
        return Files.writeString(file, text);
    }

    /** Stores {@code raw} in the raw store and names it in the catalog: account corp, INBOX, UID 1, {@code \Seen}. */
    public static RawStore.Stored archived(TestState state, RawStore store, byte[] raw, Instant date)
            throws IOException {
        RawStore.Stored stored = store.put(raw);
        state.archive.add(new ArchivedLocation(ArchivedLocation.idOf("corp", "INBOX", 1, 1), "corp", "INBOX", 1, 1,
                stored.hash(), "", raw.length, date, Set.of("seen"), List.of(), Status.PRESENT, Instant.now()));
        return stored;
    }

    /** {@code raw} as a message spooled in {@code spool} (in memory when small). */
    public static RawMessage spooled(Spool spool, byte[] raw) throws IOException {
        try (SpoolOutput out = spool.output("test")) {
            out.write(raw);
            return out.finish();
        }
    }

    public static BackupMessage msg(String account, String folder, byte[] raw, Instant date, String... flags) {
        return new BackupMessage(account, folder, raw, Set.of(flags), date, "fixture");
    }

    public static byte[] raw(String subject, String from, String body) {
        return ("From: " + from + "\nTo: wang.wu@example.cn\nSubject: " + subject + "\nMessage-ID: <" + Math.abs(
                (subject + body).hashCode()) + "@example.cn>\nDate: Sun, 1 Mar 2026 08:00:00 +0000\n\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes with every LF made CRLF, as IMAP serves messages (any charset: bytes, not text). */
    public static byte[] crlf(byte[] lf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lf.length + lf.length / 20);
        for (byte b : lf) {
            if (b == '\n') {
                out.write('\r');
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    public static byte[] crlf(String lf) {
        return crlf(lf.getBytes(StandardCharsets.UTF_8));
    }

    /** A GBK message with an attachment whose file name tries to climb out of any directory. */
    static byte[] attachment(String subject, String filename) {
        Charset gbk = Charset.forName("GBK");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            out.write(("From: li.lei@example.cn\nSubject: " + subject + "\nMIME-Version: 1.0\n"
                    + "Content-Type: multipart/mixed; boundary=\"b1\"\n\n--b1\nContent-Type: text/plain; charset=GBK\n\n")
                    .getBytes(gbk));
            out.write("请查收附件。\nFrom 王五\n".getBytes(gbk));
            out.write(("--b1\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename=\""
                    + filename + "\"\n\nAAAA\n--b1--\n").getBytes(gbk));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
