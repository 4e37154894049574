package io.mailwarden.backup.restore;

import io.mailwarden.backup.BackupMessage;
import io.mailwarden.message.MailboxAppender.Append;
import io.mailwarden.message.RawHeaders;
import io.mailwarden.message.parse.HeaderText;
import io.mailwarden.message.parse.MailDates;
import io.mailwarden.state.ContentHash;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One source message on its way into a folder: its bytes as they will be appended (line ends made CRLF,
 * as IMAP carries them and servers give them back, so that the hash of what is appended is the hash of
 * what a later run reads), their hash, its Message-ID, and the folder it goes to.
 *
 * @param folder the target folder, levels split by {@code /}
 */
record Restoring(BackupMessage source, String folder, byte[] raw, String hash, String messageId) {

    private static final Set<String> SYSTEM = Set.of("\\seen", "\\answered", "\\flagged", "\\draft");

    static Restoring of(BackupMessage m, String folder) {
        byte[] raw = crlf(m.raw());
        return new Restoring(m, folder, raw, ContentHash.of(raw), RawHeaders.messageId(raw));
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
        OffsetDateTime date = MailDates.parse(RawHeaders.field(raw, "date"), new ArrayList<>());
        return date == null ? null : date.toInstant();
    }

    /** The decoded subject, or the Message-ID when there is no subject, for listings. */
    String label() {
        String subject = HeaderText.decode(RawHeaders.field(raw, "subject"));
        return !subject.isBlank() ? subject : !messageId.isBlank() ? messageId : "(no subject, no Message-ID)";
    }

    /** Bare LF (and bare CR) made CRLF; bytes already CRLF come back as they are. */
    static byte[] crlf(byte[] raw) {
        int bare = 0;
        for (int i = 0; i < raw.length; i++) {
            boolean cr = raw[i] == '\r';
            if ((cr && (i + 1 == raw.length || raw[i + 1] != '\n')) || (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r'))) {
                bare++;
            }
        }
        if (bare == 0) {
            return raw;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length + bare);
        for (int i = 0; i < raw.length; i++) {
            byte b = raw[i];
            if (b == '\r') {
                out.write('\r');
                out.write('\n');
                if (i + 1 < raw.length && raw[i + 1] == '\n') {
                    i++;
                }
            } else if (b == '\n') {
                out.write('\r');
                out.write('\n');
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }
}
