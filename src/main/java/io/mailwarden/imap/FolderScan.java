package io.mailwarden.imap;

import io.mailwarden.message.BodyNeed;
import io.mailwarden.message.MailboxPort;
import io.mailwarden.message.MessageArrived;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Walks the messages of an account's folders in ascending UID order, for scheduled rules. Per batch of
 * {@value #BATCH} UIDs, when the readers need no bodies one {@code UID FETCH} reads every message's
 * flags, INTERNALDATE, size, header section and BODYSTRUCTURE; otherwise each message is read whole,
 * flags and all, with one {@code UID FETCH uid (... BODY.PEEK[])} (PEEK never marks mail read). Only
 * UIDs and ascending sets are sent, so mail moved away during the walk (by the walk itself or another
 * client) is simply not found any more.
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
    private final BodyNeed bodyNeed;

    /** @param bodyNeed whether the walk's readers need message bodies; asked again for every batch */
    public FolderScan(ImapConnector connector, BodyNeed bodyNeed) {
        this.connector = connector;
        this.bodyNeed = bodyNeed;
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
        ImapMessages.Listed uids = ImapMessages.uidsAfter(folder, after);
        ImapMessages reader = new ImapMessages(folder, connector.account().name(), name, uidValidity);
        for (int i = 0; i < uids.count(); i += BATCH) {
            ImapMessages.Listed batch = uids.range(i, Math.min(uids.count(), i + BATCH));
            // mail moved or expunged since the walk listed it is simply not returned
            for (MessageArrived m : reader.read(batch, bodyNeed.needsBody(connector.account().name(), name), false)) {
                if (!visitor.visit(m, mailbox)) {
                    return false;
                }
            }
        }
        visitor.finished(name, uidValidity);
        return true;
    }
}
