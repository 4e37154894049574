package io.mailwarden.imap;

import io.mailwarden.message.MailboxPort;
import io.mailwarden.message.MessageArrived;
import io.mailwarden.message.MessageRef;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FLAGS;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * Walks the messages of an account's folders in ascending UID order, for scheduled rules. Per batch of
 * {@value #BATCH} UIDs one {@code UID FETCH} reads UID, FLAGS and INTERNALDATE; each message still there
 * is then read whole with {@code UID FETCH uid BODY.PEEK[]} (the rules may test any part of it; PEEK never
 * marks mail read). Only UIDs and ascending sets are sent, so mail moved away during the walk (by the
 * walk itself or another client) is simply not found any more.
 */
public final class FolderScan {

    /** UIDs per batch FETCH. */
    public static final int BATCH = 200;

    /** What the walk does with each folder and message. */
    public interface Visitor {
        /** The UID after which the walk of this folder begins (0: from the first message). */
        long startAfter(String folder, long uidValidity);

        /** Handles one message through the walk's connection; false stops the whole walk here, unfinished. */
        boolean visit(MessageArrived message, MailboxPort port);

        /** Every message of the folder past the start was visited. */
        void finished(String folder, long uidValidity);
    }

    private final ImapConnector connector;

    public FolderScan(ImapConnector connector) {
        this.connector = connector;
    }

    /**
     * Walks every selectable folder that {@code inScope} accepts, or, when it is null, every folder of
     * the account's idle-folders and poll-folders. Returns false when the visitor stopped the walk.
     */
    public boolean walk(Predicate<String> inScope, Visitor visitor) throws ImapException, MessagingException {
        IMAPStore store = connector.connect();
        try {
            List<String> folders;
            if (inScope == null) {
                List<String> globs = new ArrayList<>(connector.account().idleFolders());
                globs.addAll(connector.account().pollFolders());
                folders = SelectableFolders.matching(store, connector.account(), globs, "idle-folders/poll-folders");
            } else {
                folders = SelectableFolders.all(store).stream().filter(inScope).toList();
            }
            FolderMap map = new FolderMap(store, connector.account().provider().isTencent());
            for (String name : folders) {
                IMAPFolder folder = (IMAPFolder) store.getFolder(name);
                folder.open(Folder.READ_WRITE);
                try {
                    if (!walkFolder(folder, new ImapMailbox(store, folder, map), visitor)) {
                        return false;
                    }
                } finally {
                    if (folder.isOpen()) {
                        folder.close(false); // EXAMINE + CLOSE: never expunges
                    }
                }
            }
            return true;
        } finally {
            ImapConnector.closeQuietly(store);
        }
    }

    private boolean walkFolder(IMAPFolder folder, ImapMailbox mailbox, Visitor visitor) throws MessagingException {
        String name = folder.getFullName();
        long uidValidity = folder.getUIDValidity();
        long after = visitor.startAfter(name, uidValidity);
        long[] uids = uidsAfter(folder, after);
        for (int i = 0; i < uids.length; i += BATCH) {
            long[] batch = Arrays.copyOfRange(uids, i, Math.min(uids.length, i + BATCH));
            Map<Long, FetchResponse> present = fetch(folder, "UID FETCH " + uidSet(batch) + " (UID FLAGS INTERNALDATE)");
            for (long uid : batch) {
                FetchResponse meta = present.get(uid);
                if (meta == null) {
                    continue; // moved or expunged since the walk listed it
                }
                FetchResponse whole = fetch(folder, "UID FETCH " + uid + " (UID BODY.PEEK[])").get(uid);
                BODY body = whole == null ? null : whole.getItem(BODY.class);
                if (body == null) {
                    continue;
                }
                MessageArrived m = arrived(name, uidValidity, uid, meta, body.getByteArray().getNewBytes());
                if (!visitor.visit(m, mailbox)) {
                    return false;
                }
            }
        }
        visitor.finished(name, uidValidity);
        return true;
    }

    private MessageArrived arrived(String folder, long uidValidity, long uid, FetchResponse meta, byte[] raw) {
        Set<String> flags = new HashSet<>();
        Set<String> keywords = new HashSet<>();
        FLAGS f = meta.getItem(FLAGS.class);
        if (f != null) {
            for (Flags.Flag sf : f.getSystemFlags()) {
                flags.add(ImapMessages.systemFlagName(sf));
            }
            keywords.addAll(Arrays.asList(f.getUserFlags()));
        }
        INTERNALDATE date = meta.getItem(INTERNALDATE.class);
        var internal = date == null || date.getDate() == null ? null : date.getDate().toInstant();
        MessageRef ref = new MessageRef(connector.account().name(), folder, uidValidity, uid);
        return new MessageArrived(ref, raw, flags, keywords, internal, false);
    }

    /** The UIDs above {@code after}, ascending ({@code UID FETCH after+1:* (UID)}). */
    private static long[] uidsAfter(IMAPFolder folder, long after) throws MessagingException {
        Message[] found = folder.getMessagesByUID(after + 1, UIDFolder.MAXUID);
        // "n:*" also returns the highest message when n is above every UID
        return Arrays.stream(found).filter(m -> m != null).mapToLong(m -> ImapMessages.uid(folder, m))
                .filter(u -> u > after).sorted().distinct().toArray();
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
}
