package io.mailwarden.imap;

import io.mailwarden.message.ArrivalHandler;
import io.mailwarden.message.BodyNeed;
import io.mailwarden.message.MessageArrived;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.angus.mail.imap.IMAPFolder;
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
    private final BodyNeed bodyNeed;

    CatchUp(String account, String folderName, ArrivalHandler handler, BodyNeed bodyNeed, WatchState state,
            BooleanSupplier stopped) {
        this.account = account;
        this.bodyNeed = bodyNeed;
        this.folderName = folderName;
        this.handler = handler;
        this.state = state;
        this.stopped = stopped;
    }

    /**
     * The UIDs past {@code last}. When the listing's own response brought news of mail (an EXISTS sent after
     * the server had chosen what to list), it lists again: that news is consumed, so IDLE would not hear of
     * the message until the next one arrived.
     */
    private static ImapMessages.Listed fresh(IMAPFolder folder, long last) throws MessagingException {
        while (true) {
            int before = folder.getMessageCount(); // what the server announced so far; no round trip
            ImapMessages.Listed fresh = ImapMessages.uidsAfter(folder, last);
            if (fresh.count() > 0 || folder.getMessageCount() == before) {
                return fresh;
            }
        }
    }

    /** Hands every message past the checkpoint to the handler, in UID order; false when one must be retried. */
    boolean run(IMAPFolder folder, ImapMailbox mailbox) throws MessagingException {
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
        ImapMessages reader = new ImapMessages(folder, account, folderName, uidValidity);
        long last = from;
        for (ImapMessages.Listed fresh = fresh(folder, last); fresh.count() > 0 && !stopped.getAsBoolean();
                fresh = fresh(folder, last)) {
            for (int i = 0; i < fresh.count() && !stopped.getAsBoolean(); i += BATCH) {
                ImapMessages.Listed batch = fresh.range(i, Math.min(fresh.count(), i + BATCH));
                last = Math.max(last, batch.last()); // a UID that vanished meanwhile is passed too
                // asked per batch: a rules reload switches the fetch mode from the next batch on
                boolean whole = bodyNeed.needsBody(account, folderName);
                for (MessageArrived arrived : reader.read(batch, whole, recheck)) {
                    if (leaveAloneBefore != null && arrived.internalDate() != null
                            && arrived.internalDate().isBefore(leaveAloneBefore)) {
                        continue; // there before the daemon first watched the folder: left alone then, and now
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
        if (recheck && !stopped.getAsBoolean()) {
            state.baseline(account, folderName, uidValidity, last); // the new UIDVALIDITY is now the reference
        }
        return true;
    }
}
