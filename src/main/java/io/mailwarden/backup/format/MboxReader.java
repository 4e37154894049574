package io.mailwarden.backup.format;

import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource.Sink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an mbox file (mboxrd, and mboxo as far as it can be told apart): a message starts at a
 * {@code From } line at the start of the file or after a blank line; {@code >From } quoting is undone;
 * flags come from {@code Status:}/{@code X-Status:}; a final {@code Status:}+{@code X-Status:} pair of
 * the header block, as {@link MboxFiles} adds it, is removed; the internal date is the From line's.
 */
final class MboxReader {

    private static final Pattern ASCTIME = Pattern.compile("([A-Z][a-z]{2}) +([A-Z][a-z]{2}) +(\\d{1,2}) +(\\d{1,2}:\\d{2}:\\d{2})"
            + " +(\\d{4})");
    private static final DateTimeFormatter PARSE = DateTimeFormatter.ofPattern("MMM d H:mm:ss yyyy", Locale.ROOT);

    private MboxReader() {
    }

    /** Gives every message of the mbox file of {@code place} to {@code sink}. */
    static void read(Place place, Sink sink) throws IOException {
        try (InputStream in = Files.newInputStream(place.location())) {
            LineInput lines = new LineInput(in);
            ByteArrayOutputStream message = null;
            int lastLineStart = 0;
            long startLine = 0;
            Instant date = null;
            boolean previousBlank = true;
            while (lines.next()) {
                if (previousBlank && MboxFiles.isFromLine(lines.line, 0, lines.length) && lines.line[0] == 'F') {
                    if (message != null) {
                        emit(place, message, lastLineStart, startLine, date, sink);
                    }
                    message = new ByteArrayOutputStream(64 * 1024);
                    lastLineStart = 0;
                    startLine = lines.number;
                    date = date(new String(lines.line, 0, lines.length, StandardCharsets.ISO_8859_1));
                    previousBlank = false;
                    continue;
                }
                if (message == null) {
                    throw new IOException(place.location() + ": line " + lines.number + " (offset " + lines.offset
                            + "): not an mbox file: a message must start with a 'From ' line, found '"
                            + printable(lines) + "'");
                }
                previousBlank = lines.blank();
                lastLineStart = message.size();
                boolean quoted = lines.line[0] == '>' && MboxFiles.isFromLine(lines.line, 0, lines.length);
                message.write(lines.line, quoted ? 1 : 0, lines.length - (quoted ? 1 : 0));
            }
            if (message != null) {
                emit(place, message, lastLineStart, startLine, date, sink);
            }
        }
    }

    private static void emit(Place place, ByteArrayOutputStream message, int lastLineStart, long line, Instant date,
            Sink sink) throws IOException {
        byte[] all = message.toByteArray();
        int end = all.length;
        if (end > lastLineStart && isBlank(all, lastLineStart, end)) {
            end = lastLineStart; // the blank line before the next From line is the separator
        }
        if (end == 0) {
            throw new IOException(place.location() + ": line " + line + ": empty message after the 'From ' line");
        }
        HeaderLines headers = new HeaderLines(all, 0, end);
        int n = headers.starts.size();
        Set<String> flags;
        byte[] raw;
        if (n >= 2 && headers.valueIf(headers.starts.get(n - 2), "Status") != null
                && headers.valueIf(headers.starts.get(n - 1), "X-Status") != null) {
            flags = FlagLetters.fromMbox(headers.valueIf(headers.starts.get(n - 2), "Status"),
                    headers.valueIf(headers.starts.get(n - 1), "X-Status"));
            int cut = headers.starts.get(n - 2);
            raw = new byte[end - (headers.end - cut)];
            System.arraycopy(all, 0, raw, 0, cut);
            System.arraycopy(all, headers.end, raw, cut, end - headers.end);
        } else {
            String status = headers.last("Status");
            String xStatus = headers.last("X-Status");
            flags = FlagLetters.fromMbox(status == null ? "" : status, xStatus == null ? "" : xStatus);
            raw = end == all.length ? all : Arrays.copyOf(all, end);
        }
        sink.accept(new BackupMessage(place.account(), place.folder(), raw, flags, date,
                place.location() + " line " + line));
    }

    /** The asctime date at the end of a From line (UTC), or null when it has none mailwarden can read. */
    static Instant date(String fromLine) {
        Matcher m = ASCTIME.matcher(fromLine);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDateTime.parse(m.group(2) + " " + m.group(3) + " " + m.group(4) + " " + m.group(5), PARSE)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isBlank(byte[] b, int from, int to) {
        return (to - from == 1 && b[from] == '\n') || (to - from == 2 && b[from] == '\r' && b[from + 1] == '\n');
    }

    private static String printable(LineInput lines) {
        String s = new String(lines.line, 0, Math.min(lines.length, 60), StandardCharsets.ISO_8859_1).strip();
        return s.replaceAll("\\p{Cntrl}", "?");
    }
}
