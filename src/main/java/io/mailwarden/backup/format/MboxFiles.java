package io.mailwarden.backup.format;

import io.mailwarden.backup.BackupMessage;
import jakarta.mail.internet.MailDateFormat;
import io.mailwarden.message.RawMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * mboxrd as mailwarden writes it. Each message is a {@code From SENDER DATE} line (asctime, UTC, the
 * internal date), the bytes with every line matching {@code >*From } given one more {@code >}, and a blank
 * line. Two header lines are added as the last of the header block, always both and in this order:
 * {@code Status:} and {@code X-Status:} (see {@link FlagLetters}); a reader removes exactly that final pair,
 * so the bytes come back as archived. The one thing mbox cannot keep is a message not ending with a line
 * break: it gets one.
 */
final class MboxFiles {

    static final String EXTENSION = ".mbox";
    /** Directory holding a folder's subfolders, beside its mbox file (as Thunderbird names it). */
    static final String SUBFOLDERS = ".sbd";
    static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);

    private MboxFiles() {
    }

    /** The file of a folder: {@code ACCOUNT/a.sbd/b.sbd/c.mbox} for {@code a/b/c}. */
    static String layout(String accountDir, List<String> levels) {
        StringBuilder path = new StringBuilder(accountDir);
        for (int i = 0; i < levels.size(); i++) {
            path.append('/').append(SafeNames.segment(levels.get(i), ""))
                    .append(i < levels.size() - 1 ? SUBFOLDERS : EXTENSION);
        }
        return path.toString();
    }

    /**
     * Writes one message: From line, quoted bytes with the Status pair added, blank line. The bytes are read as a
     * stream; of a message held in memory, the runs between quoted lines are written as they are, uncopied.
     */
    static void write(BackupMessage m, OutputStream out) throws IOException {
        byte[] head = m.raw().head();
        HeaderLines headers = new HeaderLines(head, 0, head.length);
        out.write(("From " + sender(headers) + " " + ASCTIME.format(date(m, headers)) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = m.raw() instanceof RawMessage.InMemory mem ? null : m.raw().open()) {
            LineInput lines = in == null ? new LineInput(((RawMessage.InMemory) m.raw()).bytes()) : new LineInput(in);
            new Quoting(out, in == null).copy(lines, "Status: " + FlagLetters.status(m.flags()),
                    "X-Status: " + FlagLetters.xStatus(m.flags()));
        }
    }

    /** Copies a message's lines, quoting, and adding the Status pair at the end of the header block. */
    private static final class Quoting {

        private final OutputStream out;
        /** Whether pieces stay valid after the next read (bytes in memory): then runs of them are written at once. */
        private final boolean stable;
        private byte[] run;
        private int runStart;
        private int runEnd;
        private int last = -1;
        private int beforeLast = -1;

        Quoting(OutputStream out, boolean stable) {
            this.out = out;
            this.stable = stable;
        }

        void copy(LineInput lines, String status, String xStatus) throws IOException {
            boolean header = true;
            while (lines.next()) {
                if (header && lines.blank()) {
                    flush();
                    pair(status, xStatus);
                    header = false;
                }
                if (lines.fromLine()) {
                    flush();
                    out.write('>');
                }
                add(lines.bytes, lines.start, lines.length);
            }
            flush();
            if (header) { // headers only: the pair ends the message, on a line of its own
                if (last != -1 && last != '\n') {
                    out.write('\n');
                    beforeLast = -1;
                }
                pair(status, xStatus);
            } else if (last != '\n') {
                out.write('\n');
            }
            out.write('\n');
        }

        /** The pair, with the line ending of the header block's last line. */
        private void pair(String status, String xStatus) throws IOException {
            String eol = last == '\n' && beforeLast == '\r' ? "\r\n" : "\n";
            out.write((status + eol + xStatus + eol).getBytes(StandardCharsets.US_ASCII));
        }

        private void add(byte[] b, int from, int n) throws IOException {
            beforeLast = n > 1 ? b[from + n - 2] : last;
            last = b[from + n - 1];
            if (!stable) {
                out.write(b, from, n);
            } else if (run == b && runEnd == from) {
                runEnd += n;
            } else {
                flush();
                run = b;
                runStart = from;
                runEnd = from + n;
            }
        }

        private void flush() throws IOException {
            if (run != null && runEnd > runStart) {
                out.write(run, runStart, runEnd - runStart);
            }
            run = null;
        }
    }

    /** Whether the line at {@code i} matches {@code >*From }. */
    static boolean isFromLine(byte[] b, int i, int end) {
        while (i < end && b[i] == '>') {
            i++;
        }
        if (end - i < FROM.length) {
            return false;
        }
        for (int k = 0; k < FROM.length; k++) {
            if (b[i + k] != FROM[k]) {
                return false;
            }
        }
        return true;
    }

    /** The envelope sender for the From line: Return-Path, else the From address, else MAILER-DAEMON. */
    private static String sender(HeaderLines headers) {
        for (String field : List.of("Return-Path", "From")) {
            String v = headers.last(field);
            if (v != null) {
                int lt = v.lastIndexOf('<');
                int gt = v.lastIndexOf('>');
                String addr = lt >= 0 && gt > lt ? v.substring(lt + 1, gt) : v;
                if (!addr.isBlank() && addr.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
                    return addr;
                }
            }
        }
        return "MAILER-DAEMON";
    }

    /** The internal date; without one, the Date header's; without that, now (mbox needs some date). */
    private static Instant date(BackupMessage m, HeaderLines headers) {
        if (m.internalDate() != null) {
            return m.internalDate();
        }
        String date = headers.last("Date");
        if (date != null) {
            try {
                Date d = new MailDateFormat().parse(date);
                if (d != null) {
                    return d.toInstant();
                }
            } catch (ParseException | RuntimeException e) {
                // not a date: fall back below
            }
        }
        return Instant.now();
    }
}
