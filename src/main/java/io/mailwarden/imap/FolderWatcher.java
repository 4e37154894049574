package io.mailwarden.imap;

import io.mailwarden.message.ArrivalHandler;
import io.mailwarden.message.MessageArrived;
import io.mailwarden.message.MessageRef;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

/**
 * Watches one folder over its own long-lived connection (Exmail pushes new-mail notices only to the
 * connection that selected a folder last). It catches up by UID from the checkpoint — after every
 * (re)connect too — then IDLEs, renewing IDLE before the server drops it, or polls every poll-interval
 * where the server has no IDLE. Any connection failure ends {@link #run()}; the supervisor starts it again.
 */
public final class FolderWatcher implements Runnable {

    private static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(FolderWatcher.class);

    private final ImapConnector connector;
    private final String folderName;
    private final ArrivalHandler handler;
    private final WatchState state;
    private final ScheduledExecutorService timers;
    private final boolean tencent;
    private final Backoff retries;
    private volatile IMAPStore store;
    private volatile boolean stopped;
    private volatile String status = "starting";

    public FolderWatcher(ImapConnector connector, String folderName, ArrivalHandler handler, WatchState state,
            ScheduledExecutorService timers, boolean tencent, Duration retryBase) {
        this.connector = connector;
        this.folderName = folderName;
        this.handler = handler;
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
            boolean idle = store.hasCapability("IDLE");
            LOG.infof("%s: watching %s (%s)", connector.account().name(), folderName, idle ? "IDLE" : "NOOP polling");
            while (!stopped) {
                status = "catching up";
                if (!catchUp(folder, mailbox)) {
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
        } catch (MessagingException | IOException e) {
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
        try {
            folder.doCommand(p -> {
                p.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException e) {
            LOG.debugf("renewing IDLE: %s", e.getMessage());
        }
    }

    /** Hands every message past the checkpoint to the handler, in UID order; false when one must be retried. */
    boolean catchUp(IMAPFolder folder, ImapMailbox mailbox) throws MessagingException, IOException {
        String account = connector.account().name();
        long uidValidity = folder.getUIDValidity();
        WatchState.Mark mark = state.find(account, folderName);
        long from;
        boolean recheck = false;
        Instant leaveAloneBefore = null;
        if (mark == null) {
            long last = highestUid(folder);
            state.baseline(account, folderName, uidValidity, last);
            LOG.infof("%s: %s watched for the first time: the %d message(s) already there are left as they are; "
                    + "rules apply from UID %d on", account, folderName, folder.getMessageCount(), last + 1);
            return true;
        } else if (mark.uidValidity() != uidValidity) {
            LOG.warnf("%s: %s changed UIDVALIDITY from %d to %d: every message is checked again; those already "
                    + "handled (same Message-ID and content) and those older than the first watch (%s) are left alone",
                    account, folderName, mark.uidValidity(), uidValidity, mark.watchedSince());
            from = 0;
            recheck = true;
            // INTERNALDATE has whole seconds: mail of the very second of the first watch is not assumed old
            leaveAloneBefore = mark.watchedSince() == null ? null
                    : mark.watchedSince().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        } else {
            from = mark.lastUid();
        }
        // new mail announced while earlier mail was handled was consumed by those commands, not by IDLE:
        // look again until nothing is past the last handled UID
        long last = from;
        for (Message[] fresh = after(folder, last); fresh.length > 0 && !stopped; fresh = after(folder, last)) {
            for (int i = 0; i < fresh.length && !stopped; i += BATCH) {
                Message[] batch = Arrays.copyOfRange(fresh, i, Math.min(fresh.length, i + BATCH));
                FetchProfile fp = new FetchProfile();
                fp.add(UIDFolder.FetchProfileItem.UID);
                fp.add(FetchProfile.Item.FLAGS);
                fp.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
                fp.add(FetchProfile.Item.SIZE); // arrived() sizes its buffer: without it, one more FETCH each
                folder.fetch(batch, fp);
                for (Message m : batch) {
                    long uid = uid(folder, m);
                    last = Math.max(last, uid);
                    if (leaveAloneBefore != null && m.getReceivedDate() != null
                            && m.getReceivedDate().toInstant().isBefore(leaveAloneBefore)) {
                        continue; // there before the daemon first watched the folder: left alone then, and now
                    }
                    MessageArrived arrived = m.isExpunged() ? null : arrived(folder, (IMAPMessage) m, uidValidity, recheck);
                    if (arrived == null) {
                        continue; // expunged by another client between notice and fetch
                    }
                    if (handler.handle(arrived, mailbox) == ArrivalHandler.Disposition.RETRY) {
                        if (!folder.isOpen()) {
                            // the failure lost the connection: retrying on it would only burn the attempts
                            throw new FolderClosedException(folder, "connection lost while handling " + arrived.ref());
                        }
                        return false;
                    }
                }
            }
        }
        if (recheck) {
            state.baseline(account, folderName, uidValidity, last); // the new UIDVALIDITY is now the reference
        }
        return true;
    }

    /** The messages with a UID above {@code last}, in UID order ({@code UID FETCH last+1:*}, ascending). */
    private static Message[] after(IMAPFolder folder, long last) throws MessagingException {
        Message[] found = folder.getMessagesByUID(last + 1, UIDFolder.MAXUID);
        // "n:*" also returns the highest message when n is above every UID: keep only real newcomers
        return Arrays.stream(found).filter(m -> m != null && uid(folder, m) > last)
                .sorted(Comparator.comparingLong(m -> uid(folder, m))).toArray(Message[]::new);
    }

    private MessageArrived arrived(IMAPFolder folder, IMAPMessage m, long uidValidity, boolean recheck)
            throws MessagingException, IOException {
        ByteArrayOutputStream raw;
        try {
            raw = new ByteArrayOutputStream(Math.max(1024, m.getSize()));
            m.writeTo(raw); // BODY.PEEK[]: mail.imap.peek is set, reading never marks mail read
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
        MessageRef ref = new MessageRef(connector.account().name(), folderName, uidValidity, folder.getUID(m));
        return new MessageArrived(ref, raw.toByteArray(), flags, keywords, internal, recheck);
    }

    /**
     * Whether a fetch that came back empty ("Failed to load IMAP envelope") was for a message another
     * client expunged: a NOOP lets the server report the EXPUNGE.
     */
    private static boolean expungedMeanwhile(IMAPFolder folder, Message m) {
        renew(folder);
        return m.isExpunged();
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

    private static long highestUid(IMAPFolder folder) throws MessagingException {
        long next = folder.getUIDNext();
        if (next > 0) {
            return next - 1;
        }
        int count = folder.getMessageCount();
        return count == 0 ? 0 : folder.getUID(folder.getMessage(count));
    }

    private static long uid(IMAPFolder folder, Message m) {
        try {
            return folder.getUID(m);
        } catch (MessagingException e) {
            return -1;
        }
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
