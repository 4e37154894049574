package io.mailwarden.imap;

import io.mailwarden.message.ArrivalHandler;
import io.mailwarden.message.MessageArrived;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.jboss.logging.Logger;

/**
 * Catching up one open folder by UID from its checkpoint: what an IDLE watcher does after every
 * (re)connect and what a poll does on every run, with the same checkpoint and the same handler.
 */
final class CatchUp {

    private static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(FolderWatcher.class);

    private final String account;
    private final String folderName;
    private final ArrivalHandler handler;
    private final WatchState state;
    private final BooleanSupplier stopped;

    CatchUp(String account, String folderName, ArrivalHandler handler, WatchState state, BooleanSupplier stopped) {
        this.account = account;
        this.folderName = folderName;
        this.handler = handler;
        this.state = state;
        this.stopped = stopped;
    }

    /** Hands every message past the checkpoint to the handler, in UID order; false when one must be retried. */
    boolean run(IMAPFolder folder, ImapMailbox mailbox) throws MessagingException, IOException {
        long uidValidity = folder.getUIDValidity();
        WatchState.Mark mark = state.find(account, folderName);
        long from;
        boolean recheck = false;
        Instant leaveAloneBefore = null;
        if (mark == null) {
            long last = ImapMessages.highestUid(folder);
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
            leaveAloneBefore = mark.watchedSince() == null ? null : mark.watchedSince().truncatedTo(ChronoUnit.SECONDS);
        } else {
            from = mark.lastUid();
        }
        // new mail announced while earlier mail was handled was consumed by those commands, not by IDLE:
        // look again until nothing is past the last handled UID
        long last = from;
        for (Message[] fresh = after(folder, last); fresh.length > 0 && !stopped.getAsBoolean(); fresh = after(folder, last)) {
            for (int i = 0; i < fresh.length && !stopped.getAsBoolean(); i += BATCH) {
                Message[] batch = Arrays.copyOfRange(fresh, i, Math.min(fresh.length, i + BATCH));
                folder.fetch(batch, ImapMessages.batchProfile());
                for (Message m : batch) {
                    long uid = ImapMessages.uid(folder, m);
                    last = Math.max(last, uid);
                    if (leaveAloneBefore != null && m.getReceivedDate() != null
                            && m.getReceivedDate().toInstant().isBefore(leaveAloneBefore)) {
                        continue; // there before the daemon first watched the folder: left alone then, and now
                    }
                    MessageArrived arrived = m.isExpunged() ? null
                            : ImapMessages.arrived(account, folderName, folder, (IMAPMessage) m, uidValidity, recheck);
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
        return Arrays.stream(found).filter(m -> m != null && ImapMessages.uid(folder, m) > last)
                .sorted(Comparator.comparingLong(m -> ImapMessages.uid(folder, m))).toArray(Message[]::new);
    }
}
