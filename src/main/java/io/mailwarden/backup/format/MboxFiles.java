package io.mailwarden.backup.format;

import io.mailwarden.backup.BackupMessage;
import jakarta.mail.internet.MailDateFormat;
import java.io.IOException;
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

    /** Writes one message: From line, quoted bytes with the Status pair added, blank line. */
    static void write(BackupMessage m, OutputStream out) throws IOException {
        byte[] raw = m.raw();
        HeaderLines headers = new HeaderLines(raw, 0, raw.length);
        out.write(("From " + sender(headers) + " " + ASCTIME.format(date(m, headers)) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        writeQuoted(raw, 0, headers.end, out);
        String eol = headers.lineEnding();
        if (headers.end > 0 && raw[headers.end - 1] != '\n') {
            out.write('\n'); // headers only, no final line break: the pair must start a line
        }
        out.write(("Status: " + FlagLetters.status(m.flags()) + eol + "X-Status: " + FlagLetters.xStatus(m.flags()) + eol)
                .getBytes(StandardCharsets.US_ASCII));
        writeQuoted(raw, headers.end, raw.length, out);
        if (raw.length > headers.end && raw[raw.length - 1] != '\n') {
            out.write('\n');
        }
        out.write('\n');
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

    private static void writeQuoted(byte[] raw, int from, int to, OutputStream out) throws IOException {
        int span = from;
        int line = from;
        while (line < to) {
            if (isFromLine(raw, line, to)) {
                out.write(raw, span, line - span);
                out.write('>');
                span = line;
            }
            int nl = line;
            while (nl < to && raw[nl] != '\n') {
                nl++;
            }
            line = nl + 1;
        }
        out.write(raw, span, to - span);
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
