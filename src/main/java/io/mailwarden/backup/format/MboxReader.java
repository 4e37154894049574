package io.mailwarden.backup.format;

import io.mailwarden.backup.MessageSource.Sink;
import io.mailwarden.backup.Spool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
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

    /** Gives every message of the mbox file of {@code place} to {@code sink}; a big one is spooled in {@code spool}. */
    static void read(Place place, Spool spool, Sink sink) throws IOException {
        MboxMessage message = null;
        try (InputStream in = Files.newInputStream(place.location())) {
            LineInput lines = new LineInput(in);
            boolean previousBlank = true;
            while (lines.next()) {
                if (previousBlank && lines.fromLine() && lines.bytes[lines.start] == 'F') {
                    if (message != null) {
                        sink.accept(message.finish());
                        message.close();
                    }
                    message = new MboxMessage(spool, place, lines.number, date(text(lines, lines.length)));
                    previousBlank = false;
                    skipRest(lines);
                    continue;
                }
                if (message == null) {
                    throw new IOException(place.location() + ": line " + lines.number + " (offset " + lines.offset
                            + "): not an mbox file: a message must start with a 'From ' line, found '"
                            + text(lines, 60).strip().replaceAll("\\p{Cntrl}", "?") + "'");
                }
                previousBlank = lines.blank();
                message.add(lines, lines.bytes[lines.start] == '>' && lines.fromLine() ? 1 : 0);
            }
            if (message != null) {
                sink.accept(message.finish());
            }
        } finally {
            if (message != null) {
                message.close(); // deletes a half-read message's spool file; a finished one is the sink's
            }
        }
    }

    /** Skips the rest of an overlong From line. */
    private static void skipRest(LineInput lines) throws IOException {
        while (!lines.lineEnd && lines.next()) {
            // nothing of it is kept but the date, in its first piece
        }
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

    private static String text(LineInput lines, int max) {
        return new String(lines.bytes, lines.start, Math.min(lines.length, max), StandardCharsets.ISO_8859_1);
    }
}
