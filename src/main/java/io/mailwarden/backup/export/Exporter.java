package io.mailwarden.backup.export;

import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.format.ExportWriter;
import io.mailwarden.backup.format.Format;
import io.mailwarden.backup.format.Formats;
import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ContentHash;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes messages into an export. Into a previous export of the same format it adds only what that
 * export does not hold yet (same account, folder and bytes), so a nightly export to one place grows
 * instead of starting over; nothing in it is overwritten.
 */
public final class Exporter {

    /** Messages read but not yet written, at most: enough to keep both threads busy. */
    static final long READ_AHEAD_BYTES = 32L << 20;

    private Exporter() {
    }

    /**
     * @param messages how many were written
     * @param bytes their size
     * @param present how many were skipped: the export at {@code out} held them already
     */
    public record Result(long messages, long bytes, long present, Duration took, Path out) {

        public double megabytesPerSecond() {
            return bytes / 1e6 / Math.max(1e-3, took.toNanos() / 1e9);
        }
    }

    /**
     * Exports every message of {@code source} as {@code format} into {@code out}, closing each once written; a big
     * message of a previous export at {@code out} is read through {@code spool}.
     */
    public static Result run(MessageSource source, Format format, Path out, Spool spool, BackfillProgress progress)
            throws IOException {
        long started = System.nanoTime();
        Set<String> present = format == Formats.exportFormat(out) ? keys(out, spool) : Set.of();
        long[] counts = new long[3];
        try (ExportWriter writer = Formats.create(format, out)) {
            new ReadAhead(source, READ_AHEAD_BYTES).forEach(m -> {
                if (!present.isEmpty() && present.contains(key(m))) {
                    counts[2]++;
                } else {
                    writer.write(m);
                    counts[0]++;
                    counts[1] += m.size();
                }
                progress.message(m.size());
            });
        } finally {
            progress.done();
        }
        return new Result(counts[0], counts[1], counts[2], Duration.ofNanos(System.nanoTime() - started), out);
    }

    private static Set<String> keys(Path out, Spool spool) throws IOException {
        Set<String> keys = new HashSet<>();
        try (MessageSource previous = Formats.open(out, spool)) {
            previous.forEach(m -> {
                try (m) {
                    keys.add(key(m));
                }
            });
        }
        return keys;
    }

    /**
     * Account, folder and content hash; the hash of the bytes with a final line break, the one change mbox
     * makes, so such a message is found again there.
     */
    private static String key(BackupMessage m) throws IOException {
        return m.account() + '\0' + m.folder() + '\0' + endedHash(m.raw());
    }

    private static String endedHash(RawMessage raw) throws IOException {
        boolean ended;
        try (InputStream in = raw.open()) {
            in.skipNBytes(Math.max(0, raw.size() - 1)); // a seek in a file
            ended = in.read() == '\n';
        }
        if (ended) {
            return raw.sha256();
        }
        try (InputStream whole = raw.open()) {
            return ContentHash.of(new SequenceInputStream(whole, new ByteArrayInputStream(new byte[] {'\n'})));
        }
    }
}
