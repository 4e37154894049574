package io.mailwarden.imap;

import io.mailwarden.message.ArrivalHandler;
import io.mailwarden.message.BodyNeed;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

/**
 * Watches one folder over its own long-lived connection (Exmail pushes new-mail notices only to the
 * connection that selected a folder last). It catches up by UID from the checkpoint — after every
 * (re)connect too — then IDLEs, renewing IDLE before the server drops it, or polls every poll-interval
 * where the server has no IDLE. Any connection failure ends {@link #run()}; the supervisor starts it again.
 */
public final class FolderWatcher implements Runnable {

    private static final Logger LOG = Logger.getLogger(FolderWatcher.class);

    private final ImapConnector connector;
    private final String folderName;
    private final ArrivalHandler handler;
    private final BodyNeed bodyNeed;
    private final WatchState state;
    private final ScheduledExecutorService timers;
    private final boolean tencent;
    private final Backoff retries;
    private volatile IMAPStore store;
    private volatile boolean stopped;
    private volatile String status = "starting";

    public FolderWatcher(ImapConnector connector, String folderName, ArrivalHandler handler, BodyNeed bodyNeed,
            WatchState state,
            ScheduledExecutorService timers, boolean tencent, Duration retryBase) {
        this.connector = connector;
        this.folderName = folderName;
        this.handler = handler;
        this.bodyNeed = bodyNeed;
        this.state = state;
        this.timers = timers;
        this.tencent = tencent;
        this.retries = new Backoff(retryBase, Duration.ofMinutes(1));
    }

    public String folder() {
        return folderName;
    }

    /** What the watcher is doing: connecting, catching up, idle, polling, stopped. */
    public String status() {
        return status;
    }

    @Override
    public void run() {
        try {
            status = "connecting";
            store = connector.connect();
            IMAPFolder folder = (IMAPFolder) store.getFolder(folderName);
            folder.open(Folder.READ_WRITE);
            ImapMailbox mailbox = new ImapMailbox(store, folder, new FolderMap(store, tencent));
            CatchUp catchUp = new CatchUp(connector.account().name(), folderName, handler, bodyNeed, state, () -> stopped);
            boolean idle = store.hasCapability("IDLE");
            LOG.infof("%s: watching %s (%s)", connector.account().name(), folderName, idle ? "IDLE" : "NOOP polling");
            while (!stopped) {
                status = "catching up";
                if (!catchUp.run(folder, mailbox)) {
                    status = "waiting to retry";
                    sleep(retries.next()); // bounded: the handler gives up on a message after a few attempts
                    continue;
                }
                retries.reset();
                if (idle) {
                    status = "idle";
                    idleOnce(folder);
                } else {
                    status = "polling";
                    sleep(connector.account().pollInterval());
                }
            }
        } catch (ImapException e) {
            throw new WatcherFailure(e.getMessage(), e);
        } catch (MessagingException e) {
            if (!stopped) {
                throw new WatcherFailure(connector.account().name() + ": " + folderName + ": "
                        + ImapConnector.rootMessage(e), e);
            }
        } finally {
            status = "stopped";
            ImapConnector.closeQuietly(store);
        }
    }

    /** Ends the watcher: closing the connection also ends a running IDLE. */
    public void stop() {
        stopped = true;
        ImapConnector.closeQuietly(store);
    }

    private void idleOnce(IMAPFolder folder) throws MessagingException {
        ScheduledFuture<?> renew = timers.schedule(() -> renew(folder),
                connector.account().idleRenew().toMillis(), TimeUnit.MILLISECONDS);
        try {
            folder.idle(true); // returns on the first untagged response, or when renew() ends it
        } finally {
            renew.cancel(false);
        }
    }

    /** Another command on the folder makes Jakarta Mail end IDLE (DONE) first; NOOP is harmless. */
    private static void renew(IMAPFolder folder) {
        ImapMessages.noop(folder);
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** The watcher cannot go on; the supervisor decides when to start it again. */
    public static final class WatcherFailure extends RuntimeException {
        WatcherFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
