package io.mailwarden.imap;

import io.mailwarden.message.MessageArrived;
import io.mailwarden.message.MessageRef;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.jboss.logging.Logger;

/**
 * Reading messages the way every part of the daemon does, by UID and in ascending sets only, always
 * with PEEK (reading never marks mail read) and never trusting ENVELOPE: the header bytes are parsed
 * locally. A message is read either whole, or as its header section and BODYSTRUCTURE when no reader
 * of the folder needs the body (a batch of them in one UID FETCH) or when it is too big to hold
 * ({@link #WHOLE_MAX}). An instance reads one open folder.
 */
record ImapMessages(IMAPFolder folder, String account, String folderName, long uidValidity, long wholeMax) {

    /**
     * The biggest message read whole when whole messages are wanted: a bigger one comes as its header
     * section and structure, as when no reader needs bodies (the archive's sync then reads it whole through
     * its spool). A whole FETCH holds the message about twice in memory, so this follows the heap: a
     * sixth of it, at least 16 MB.
     */
    static final long WHOLE_MAX = Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 6);

    /** What a message read whole is fetched with: one round trip, flags and size included. */
    static final String WHOLE = "(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[])";
    /** What a message read without its body is fetched with. */
    static final String HEADERS = "(UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER] BODYSTRUCTURE)";

    private static final Logger LOG = Logger.getLogger(ImapMessages.class);

    ImapMessages(IMAPFolder folder, String account, String folderName, long uidValidity) {
        this(folder, account, folderName, uidValidity, WHOLE_MAX);
    }

    /** UIDs with their sizes (RFC822.SIZE), ascending. */
    record Listed(long[] uids, long[] sizes) {

        int count() {
            return uids.length;
        }

        Listed range(int from, int to) {
            return new Listed(Arrays.copyOfRange(uids, from, to), Arrays.copyOfRange(sizes, from, to));
        }

        long last() {
            return uids[uids.length - 1];
        }
    }

    /**
     * The messages of {@code listed} still in the folder, in UID order: each whole when {@code whole} (but
     * one over {@link #wholeMax}), else as header sections with their structure from one UID FETCH.
     */
    List<MessageArrived> read(Listed listed, boolean whole, boolean recheck) throws MessagingException {
        if (!whole) {
            return headers(listed.uids(), recheck);
        }
        long[] big = IntStream.range(0, listed.count()).filter(i -> listed.sizes()[i] > wholeMax)
                .mapToLong(i -> listed.uids()[i]).toArray();
        Map<Long, MessageArrived> headerOnly = new HashMap<>();
        for (MessageArrived m : headers(big, recheck)) {
            LOG.infof("%s: %s: UID %d is %d MB, over the %d MB read whole here: its rules see its header and"
                    + " structure; the archive reads it whole", account, folderName, m.ref().uid(), m.size() >> 20,
                    wholeMax >> 20);
            headerOnly.put(m.ref().uid(), m);
        }
        List<MessageArrived> out = new ArrayList<>(listed.count());
        for (int i = 0; i < listed.count(); i++) {
            long uid = listed.uids()[i];
            MessageArrived m = listed.sizes()[i] > wholeMax ? headerOnly.get(uid) : whole(uid, recheck);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    /** Header sections and structure of {@code uids} (ascending) from one UID FETCH; those gone are left out. */
    private List<MessageArrived> headers(long[] uids, boolean recheck) throws MessagingException {
        if (uids.length == 0) {
            return List.of();
        }
        List<MessageArrived> out = new ArrayList<>(uids.length);
        Map<Long, FetchResponse> found = fetch(folder, "UID FETCH " + uidSet(uids) + " " + HEADERS);
        for (long uid : uids) {
            FetchResponse r = found.get(uid);
            BODY header = r == null ? null : r.getItem(BODY.class);
            if (header != null) { // else moved or expunged since it was listed
                out.add(arrived(uid, r, header.getByteArray().getNewBytes(), false, recheck));
            }
        }
        return out;
    }

    /** The message whole, or null when another client expunged it meanwhile. */
    private MessageArrived whole(long uid, boolean recheck) throws MessagingException {
        Map<Long, FetchResponse> found;
        try {
            found = fetch(folder, "UID FETCH " + uid + " " + WHOLE);
        } catch (MessagingException e) {
            // some servers answer NO for a message expunged by another session: the NOOP reports it
            noop(folder);
            if (folder.getMessageByUID(uid) == null) {
                return null;
            }
            throw e;
        }
        FetchResponse r = found.get(uid);
        BODY body = r == null ? null : r.getItem(BODY.class);
        return body == null ? null : arrived(uid, r, body.getByteArray().getNewBytes(), true, recheck);
    }

    private MessageArrived arrived(long uid, FetchResponse r, byte[] raw, boolean complete, boolean recheck) {
        return arrived(new MessageRef(account, folderName, uidValidity, uid), r, raw, complete, recheck);
    }

    /** A message from its FETCH response: flags, INTERNALDATE and RFC822.SIZE, and the structure when not complete. */
    static MessageArrived arrived(MessageRef ref, FetchResponse r, byte[] raw, boolean complete, boolean recheck) {
        RFC822SIZE size = r.getItem(RFC822SIZE.class);
        return new MessageArrived(ref, raw, complete, size == null ? raw.length : size.size,
                complete ? List.of() : BodyStructure.attachments(r.toString()), flags(r), keywords(r),
                internalDate(r), recheck);
    }

    /** The system flags of a FETCH response, lower-case without backslash. */
    static Set<String> flags(FetchResponse r) {
        Set<String> flags = new HashSet<>();
        FLAGS f = r.getItem(FLAGS.class);
        if (f != null) {
            for (Flags.Flag sf : f.getSystemFlags()) {
                flags.add(systemFlagName(sf));
            }
        }
        return flags;
    }

    static Set<String> keywords(FetchResponse r) {
        FLAGS f = r.getItem(FLAGS.class);
        return f == null ? new HashSet<>() : new HashSet<>(Arrays.asList(f.getUserFlags()));
    }

    static Instant internalDate(FetchResponse r) {
        INTERNALDATE date = r.getItem(INTERNALDATE.class);
        return date == null || date.getDate() == null ? null : date.getDate().toInstant();
    }

    /** Runs a UID FETCH; the FETCH responses that carry a UID, by UID. Other responses reach the folder. */
    static Map<Long, FetchResponse> fetch(IMAPFolder folder, String command) throws MessagingException {
        Object out = folder.doCommand(p -> {
            Response[] r = p.command(command, null);
            Map<Long, FetchResponse> byUid = new HashMap<>();
            List<Response> others = new ArrayList<>();
            for (int k = 0; k < r.length - 1; k++) {
                UID uid = r[k] instanceof FetchResponse fr ? fr.getItem(UID.class) : null;
                if (uid != null) {
                    byUid.put(uid.uid, (FetchResponse) r[k]);
                } else {
                    others.add(r[k]);
                }
            }
            p.notifyResponseHandlers(others.toArray(Response[]::new));
            p.handleResult(r[r.length - 1]);
            return byUid;
        });
        @SuppressWarnings("unchecked")
        Map<Long, FetchResponse> byUid = (Map<Long, FetchResponse>) out;
        return byUid;
    }

    /** The UIDs above {@code after} with their sizes, ascending ({@code UID FETCH after+1:* (UID RFC822.SIZE)}). */
    static Listed uidsAfter(IMAPFolder folder, long after) throws MessagingException {
        Map<Long, FetchResponse> found = fetch(folder, "UID FETCH " + (after + 1) + ":* (UID RFC822.SIZE)");
        // "n:*" also returns the highest message when n is above every UID: keep only real newcomers
        long[] uids = found.keySet().stream().mapToLong(Long::longValue).filter(u -> u > after).sorted().toArray();
        long[] sizes = new long[uids.length];
        for (int i = 0; i < uids.length; i++) {
            RFC822SIZE size = found.get(uids[i]).getItem(RFC822SIZE.class);
            sizes[i] = size == null ? 0 : size.size;
        }
        return new Listed(uids, sizes);
    }

    /** An ascending UID set with runs collapsed: 3:7,9,12:13. */
    static String uidSet(long[] ascending) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < ascending.length; i++) {
            int j = i;
            while (j + 1 < ascending.length && ascending[j + 1] == ascending[j] + 1) {
                j++;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(ascending[i]);
            if (j > i) {
                b.append(':').append(ascending[j]);
            }
            i = j;
        }
        return b.toString();
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
}
