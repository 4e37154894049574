package io.mailwarden.backup.restore;

import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.SpoolOutput;
import io.mailwarden.message.MailboxAppender.Append;
import io.mailwarden.message.RawHeaders;
import io.mailwarden.message.RawMessage;
import io.mailwarden.message.parse.HeaderText;
import io.mailwarden.message.parse.MailDates;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One source message on its way into a folder: its bytes as they will be appended (line ends made CRLF,
 * as IMAP carries them and servers give them back, so that the hash of what is appended is the hash of
 * what a later run reads: a big message with bare line ends is converted into a spool file), their hash,
 * its Message-ID, and the folder it goes to. Closing it closes the source message and any such copy.
 *
 * @param folder the target folder, levels split by {@code /}
 */
record Restoring(BackupMessage source, String folder, RawMessage raw, String hash, String messageId)
        implements AutoCloseable {

    private static final Set<String> SYSTEM = Set.of("\\seen", "\\answered", "\\flagged", "\\draft");

    static Restoring of(BackupMessage m, String folder, Spool spool) throws IOException {
        Converted crlf = crlf(m.raw(), spool);
        RawMessage raw = crlf.raw();
        try {
            return new Restoring(m, folder, raw, crlf.hash(), RawHeaders.messageId(raw.head()));
        } catch (RuntimeException e) {
            if (raw != m.raw()) {
                raw.close();
            }
            throw e;
        }
    }

    /** The bytes as they will be appended, and their hash. */
    private record Converted(RawMessage raw, String hash) {
    }

    /**
     * A spooled message is read once when its line ends are all CRLF already (the scan hashes it), twice when
     * not (the scan hashes what the conversion will write, then the conversion writes it to a spool file).
     */
    private static Converted crlf(RawMessage raw, Spool spool) throws IOException {
        if (raw instanceof RawMessage.InMemory m) {
            byte[] crlf = LineEnds.crlf(m.bytes());
            RawMessage converted = crlf == m.bytes() ? raw : RawMessage.of(crlf);
            return new Converted(converted, converted.sha256());
        }
        LineEnds.Scan scan;
        try (InputStream in = raw.open()) {
            scan = LineEnds.scan(in);
        }
        if (!scan.bare()) {
            return new Converted(raw, scan.hash());
        }
        try (InputStream in = raw.open(); SpoolOutput out = spool.output("restore")) {
            LineEnds.copy(in, out);
            return new Converted(out.finish(), scan.hash());
        }
    }

    @Override
    public void close() {
        if (raw != source.raw()) {
            raw.close();
        }
        source.close();
    }

    /** The presence key: Message-ID and hash. */
    String key() {
        return messageId + '\0' + hash;
    }

    /**
     * What to append. {@code \Recent} is the server's to set; {@code \Deleted} is dropped, because a
     * restored message flagged deleted would vanish at the next expunge of any client: what a restore
     * brings back stays. Keywords go only where the folder keeps them ({@code keywords}, or named in
     * {@code allowed}); the others are counted by the caller.
     */
    Append append(boolean keywords, Set<String> allowed) {
        return new Append(raw, flags(keywords, allowed), internalDate());
    }

    Set<String> flags(boolean keywords, Set<String> allowed) {
        Set<String> out = new TreeSet<>();
        for (String f : source.flags()) {
            String lower = f.toLowerCase(Locale.ROOT);
            if (SYSTEM.contains(lower) || (!f.startsWith("\\") && (keywords || allowed.contains(f)))) {
                out.add(f);
            }
        }
        return out;
    }

    /** Keywords the folder does not keep (nor does the restore). */
    long keywordsDropped(boolean keywords, Set<String> allowed) {
        return source.flags().stream().filter(f -> !f.startsWith("\\") && !keywords && !allowed.contains(f)).count();
    }

    /** The source's internal date; when it knows none (an .eml file), the Date header's; else null (the server's clock). */
    Instant internalDate() {
        if (source.internalDate() != null) {
            return source.internalDate();
        }
        OffsetDateTime date = MailDates.parse(RawHeaders.field(raw.head(), "date"), new ArrayList<>());
        return date == null ? null : date.toInstant();
    }

    /** The decoded subject, or the Message-ID when there is no subject, for listings. */
    String label() {
        String subject = HeaderText.decode(RawHeaders.field(raw.head(), "subject"));
        return !subject.isBlank() ? subject : !messageId.isBlank() ? messageId : "(no subject, no Message-ID)";
    }
}
