package io.mailwarden.backup.format;

import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.SpoolOutput;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Set;

/**
 * One message of an mbox file as its lines are read (already un-quoted), streamed into memory or a spool
 * file. Two things are only known later, so a little is held back: the last two lines of the header block
 * (the {@code Status:}+{@code X-Status:} pair {@link MboxFiles} adds, removed when they end the block) and a
 * blank line (the separator when the next {@code From } line or the end of the file follows it).
 */
final class MboxMessage implements Closeable {

    private final SpoolOutput out;
    private final Place place;
    private final long line;
    private final Instant date;
    private final Deque<byte[]> lastTwo = new ArrayDeque<>(3);
    private boolean inHeader = true;
    private byte[] blank;
    private String status;
    private String xStatus;
    private Set<String> flags;
    private long added;

    MboxMessage(Spool spool, Place place, long line, Instant date) {
        this.out = spool.output("mbox");
        this.place = place;
        this.line = line;
        this.date = date;
    }

    /** The next line or piece of a line. */
    void add(LineInput lines, int skip) throws IOException {
        byte[] b = lines.bytes;
        int from = lines.start + skip;
        int n = lines.length - skip;
        added += n;
        if (blank != null) {
            out.write(blank);
            blank = null;
        }
        if (skip == 0 && lines.blank()) {
            if (inHeader) {
                endHeader();
            }
            blank = Arrays.copyOfRange(b, from, from + n);
            return;
        }
        if (!inHeader) {
            out.write(b, from, n);
        } else if (lines.lineStart && lines.lineEnd) { // a whole line: the piece before it ended its own
            byte[] field = Arrays.copyOfRange(b, from, from + n);
            status = valueOr(field, "Status", status);
            xStatus = valueOr(field, "X-Status", xStatus);
            lastTwo.addLast(field);
            if (lastTwo.size() > 2) {
                out.write(lastTwo.removeFirst());
            }
        } else { // a header line longer than a read: written as it comes, never part of the final pair
            writeHeld();
            out.write(b, from, n);
        }
    }

    /** The message, handed to its new owner; the blank line held back was the separator. */
    BackupMessage finish() throws IOException {
        if (added - (blank == null ? 0 : blank.length) == 0) {
            throw new IOException(place.location() + ": line " + line + ": empty message after the 'From ' line");
        }
        if (inHeader) {
            endHeader();
        }
        return new BackupMessage(place.account(), place.folder(), out.finish(), flags, date,
                place.location() + " line " + line);
    }

    /** Deletes what was spooled unless {@link #finish} handed it over. */
    @Override
    public void close() throws IOException {
        out.close();
    }

    private void endHeader() throws IOException {
        inHeader = false;
        if (lastTwo.size() == 2) {
            String s = value(lastTwo.getFirst(), "Status");
            String x = value(lastTwo.getLast(), "X-Status");
            if (s != null && x != null) {
                flags = FlagLetters.fromMbox(s, x);
                lastTwo.clear();
                return;
            }
        }
        writeHeld();
        flags = FlagLetters.fromMbox(status == null ? "" : status, xStatus == null ? "" : xStatus);
    }

    private void writeHeld() throws IOException {
        while (!lastTwo.isEmpty()) {
            out.write(lastTwo.removeFirst());
        }
    }

    private static String valueOr(byte[] field, String name, String otherwise) {
        String v = value(field, name);
        return v != null ? v : otherwise;
    }

    /** The value of the field line if its name is {@code name} (any case), else null. */
    private static String value(byte[] field, String name) {
        int n = name.length();
        if (field.length <= n || field[n] != ':'
                || !new String(field, 0, n, StandardCharsets.ISO_8859_1).equalsIgnoreCase(name)) {
            return null;
        }
        return new String(field, n + 1, field.length - n - 1, StandardCharsets.ISO_8859_1).strip();
    }
}
