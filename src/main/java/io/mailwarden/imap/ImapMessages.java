package io.mailwarden.imap;

import io.mailwarden.message.MessageArrived;
import io.mailwarden.message.MessageRef;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.jboss.logging.Logger;

/** Reading messages the way every part of the daemon does: UID, flags, INTERNALDATE, size, then BODY.PEEK[]. */
final class ImapMessages {

    private static final Logger LOG = Logger.getLogger(ImapMessages.class);

    private ImapMessages() {
    }

    /** What a batch FETCH asks for; RFC822.SIZE lets {@link #arrived} size its buffer without one more FETCH. */
    static FetchProfile batchProfile() {
        FetchProfile fp = new FetchProfile();
        fp.add(UIDFolder.FetchProfileItem.UID);
        fp.add(FetchProfile.Item.FLAGS);
        fp.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        fp.add(FetchProfile.Item.SIZE);
        return fp;
    }

    /**
     * The message with its raw bytes ({@code BODY.PEEK[]}: mail.imap.peek is set, reading never marks
     * mail read), or null when another client expunged it meanwhile.
     */
    static MessageArrived arrived(String account, String folderName, IMAPFolder folder, IMAPMessage m, long uidValidity,
            boolean recheck) throws MessagingException, IOException {
        ByteArrayOutputStream raw;
        try {
            raw = new ByteArrayOutputStream(Math.max(1024, m.getSize()));
            m.writeTo(raw);
        } catch (MessagingException e) {
            if (e instanceof MessageRemovedException || expungedMeanwhile(folder, m)) {
                return null;
            }
            throw e;
        }
        Set<String> flags = new HashSet<>();
        Set<String> keywords = new HashSet<>();
        Flags f = m.getFlags();
        for (Flags.Flag sf : f.getSystemFlags()) {
            flags.add(systemFlagName(sf));
        }
        keywords.addAll(Arrays.asList(f.getUserFlags()));
        Instant internal = m.getReceivedDate() == null ? null : m.getReceivedDate().toInstant();
        MessageRef ref = new MessageRef(account, folderName, uidValidity, folder.getUID(m));
        return new MessageArrived(ref, raw.toByteArray(), flags, keywords, internal, recheck);
    }

    /**
     * Whether a fetch that came back empty ("Failed to load IMAP envelope") was for a message another
     * client expunged: a NOOP lets the server report the EXPUNGE.
     */
    private static boolean expungedMeanwhile(IMAPFolder folder, Message m) {
        noop(folder);
        return m.isExpunged();
    }

    /** NOOP; on an idling folder, Jakarta Mail ends IDLE (DONE) first. */
    static void noop(IMAPFolder folder) {
        try {
            folder.doCommand(p -> {
                p.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException e) {
            LOG.debugf("NOOP: %s", e.getMessage());
        }
    }

    static String systemFlagName(Flags.Flag f) {
        if (f == Flags.Flag.SEEN) {
            return "seen";
        } else if (f == Flags.Flag.ANSWERED) {
            return "answered";
        } else if (f == Flags.Flag.FLAGGED) {
            return "flagged";
        } else if (f == Flags.Flag.DELETED) {
            return "deleted";
        } else if (f == Flags.Flag.DRAFT) {
            return "draft";
        }
        return f.toString().toLowerCase(Locale.ROOT);
    }

    static long highestUid(IMAPFolder folder) throws MessagingException {
        long next = folder.getUIDNext();
        if (next > 0) {
            return next - 1;
        }
        int count = folder.getMessageCount();
        return count == 0 ? 0 : folder.getUID(folder.getMessage(count));
    }

    static long uid(IMAPFolder folder, Message m) {
        try {
            return folder.getUID(m);
        } catch (MessagingException e) {
            return -1;
        }
    }
}
