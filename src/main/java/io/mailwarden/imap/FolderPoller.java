package io.mailwarden.imap;

import io.mailwarden.message.ArrivalHandler;
import io.mailwarden.message.BodyNeed;
import io.mailwarden.rules.match.Glob;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

/**
 * One account's polled folders ({@code poll-folders}): each {@link #pollOnce} connects, catches every
 * matching folder up from its checkpoint exactly as an IDLE watcher does (same checkpoint, same
 * handler), and disconnects. A failure is logged on one line; the next poll tries again.
 */
public final class FolderPoller {

    private static final Logger LOG = Logger.getLogger(FolderPoller.class);

    private final ImapConnector connector;
    private final ArrivalHandler handler;
    private final BodyNeed bodyNeed;
    private final WatchState state;
    private final BooleanSupplier stopped;

    public FolderPoller(ImapConnector connector, ArrivalHandler handler, BodyNeed bodyNeed, WatchState state,
            BooleanSupplier stopped) {
        this.connector = connector;
        this.handler = handler;
        this.bodyNeed = bodyNeed;
        this.state = state;
        this.stopped = stopped;
    }

    /** Polls every folder once; returns when done (or stopped). Never throws. */
    public void pollOnce() {
        String account = connector.account().name();
        IMAPStore store = null;
        try {
            store = connector.connect();
            List<String> folders = SelectableFolders.matching(store, connector.account(), connector.account().pollFolders(),
                    "poll-folders");
            List<String> idled = SelectableFolders.all(store).stream().filter(f -> connector.account().idleFolders().stream()
                    .anyMatch(g -> Glob.compile(g, !g.equalsIgnoreCase("INBOX")).matcher(f).matches())).toList();
            FolderMap map = new FolderMap(store, connector.account().provider().isTencent());
            for (String name : folders) {
                if (idled.contains(name)) {
                    LOG.debugf("%s: %s is watched with IDLE; not polled as well", account, name);
                    continue;
                }
                if (stopped.getAsBoolean()) {
                    return;
                }
                IMAPFolder folder = (IMAPFolder) store.getFolder(name);
                folder.open(Folder.READ_WRITE);
                try {
                    if (!new CatchUp(account, name, handler, bodyNeed, state, stopped).run(folder, new ImapMailbox(store, folder, map))) {
                        LOG.infof("%s: poll of %s stopped at a message to retry; the next poll goes on from there", account, name);
                    }
                } finally {
                    if (folder.isOpen()) {
                        folder.close(false); // EXAMINE + CLOSE: never expunges
                    }
                }
            }
        } catch (ImapException e) {
            if (!stopped.getAsBoolean()) {
                LOG.warnf("%s: poll failed: %s; trying again at the next poll", account, e.getMessage());
            }
        } catch (MessagingException | RuntimeException e) {
            if (!stopped.getAsBoolean()) {
                LOG.warnf("%s: poll failed: %s; trying again at the next poll", account, ImapConnector.rootMessage(e));
            }
        } finally {
            ImapConnector.closeQuietly(store);
        }
    }
}
