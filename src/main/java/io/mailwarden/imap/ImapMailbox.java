package io.mailwarden.imap;

import io.mailwarden.message.MailboxException;
import io.mailwarden.message.MailboxException.Kind;
import io.mailwarden.message.MailboxPort;
import io.mailwarden.message.MessageRef;
import jakarta.mail.Flags;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.util.Arrays;
import java.util.Set;
import java.util.StringJoiner;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

/**
 * The mailbox port over one open folder of a watcher's connection. It sends only what the server
 * advertises: {@code UID MOVE} where there is MOVE, else {@code UID COPY}, {@code \Deleted} and
 * {@code UID EXPUNGE} of that one message (UIDPLUS); without UIDPLUS the message keeps \Deleted,
 * because a plain EXPUNGE would also remove what other clients marked deleted.
 */
public final class ImapMailbox implements MailboxPort {

    private static final Logger LOG = Logger.getLogger(ImapMailbox.class);

    private final IMAPStore store;
    private final IMAPFolder folder;
    private final FolderMap folders;

    public ImapMailbox(IMAPStore store, IMAPFolder folder, FolderMap folders) {
        this.store = store;
        this.folder = folder;
        this.folders = folders;
    }

    @Override
    public String move(MessageRef ref, String target) throws MailboxException {
        try {
            IMAPFolder to = folders.existing(target);
            transfer(ref, message(ref), to);
            return to.getFullName();
        } catch (MessagingException e) {
            throw failure("move " + ref + " to " + target, e);
        }
    }

    @Override
    public String moveToTrash(MessageRef ref) throws MailboxException {
        try {
            IMAPFolder trash = folders.trash();
            if (trash == null) {
                throw new MailboxException("delete " + ref + ": no trash folder found (neither SPECIAL-USE \\Trash nor one of "
                        + FolderMap.TRASH_NAMES + "); the message was left where it is", Kind.REFUSED, null);
            }
            transfer(ref, message(ref), trash);
            return trash.getFullName();
        } catch (MessagingException e) {
            throw failure("delete " + ref, e);
        }
    }

    private void transfer(MessageRef ref, Message m, IMAPFolder target) throws MessagingException, MailboxException {
        try {
            transferTo(ref, m, target);
        } catch (MessagingException e) {
            folders.forget(target);
            throw e;
        }
    }

    private void transferTo(MessageRef ref, Message m, IMAPFolder target) throws MessagingException, MailboxException {
        if (store.hasCapability("MOVE")) {
            uidCommand("UID MOVE", ref, target);
            return;
        }
        uidCommand("UID COPY", ref, target); // a tagged OK means the copy landed (RFC 3501 6.4.7)
        store(ref, new Flags(Flags.Flag.DELETED), true, "mark \\Deleted");
        if (store.hasCapability("UIDPLUS")) {
            folder.expunge(new Message[] {m}); // UID EXPUNGE of this message only
        } else {
            LOG.warnf("%s copied to %s and marked \\Deleted; left unexpunged: the server lacks UIDPLUS, and EXPUNGE "
                    + "would also remove messages other clients marked deleted", ref, target.getFullName());
        }
    }

    @Override
    public void copy(MessageRef ref, String target) throws MailboxException {
        IMAPFolder to = null;
        try {
            message(ref);
            to = folders.existing(target);
            uidCommand("UID COPY", ref, to);
        } catch (MessagingException e) {
            if (to != null) {
                folders.forget(to);
            }
            throw failure("copy " + ref + " to " + target, e);
        }
    }

    /**
     * {@code UID COPY}/{@code UID MOVE}: by UID, never by sequence number, which can name another
     * message once a second client has expunged mail the server has not told us about yet.
     */
    private void uidCommand(String command, MessageRef ref, IMAPFolder target) throws MessagingException {
        String mailbox = BASE64MailboxEncoder.encode(target.getFullName());
        folder.doCommand(p -> {
            Argument args = new Argument();
            args.writeAtom(Long.toString(ref.uid()));
            args.writeString(mailbox);
            Response[] r = p.command(command, args);
            p.notifyResponseHandlers(r);
            p.handleResult(r[r.length - 1]);
            return null;
        });
    }

    @Override
    public void setFlags(MessageRef ref, Set<String> systemFlags, boolean on) throws MailboxException {
        Flags flags = new Flags();
        for (String f : systemFlags) {
            flags.add(switch (f) {
                case "\\Seen" -> Flags.Flag.SEEN;
                case "\\Flagged" -> Flags.Flag.FLAGGED;
                case "\\Answered" -> Flags.Flag.ANSWERED;
                default -> throw new IllegalArgumentException("not a settable system flag: " + f);
            });
        }
        store(ref, flags, on, "set flags " + systemFlags);
    }

    @Override
    public void setKeyword(MessageRef ref, String keyword, boolean on) throws MailboxException {
        if (!folder.getPermanentFlags().contains(Flags.Flag.USER)) {
            throw new MailboxException((on ? "add" : "remove") + " keyword " + keyword + " on " + ref
                    + ": the server does not keep keywords in this folder (PERMANENTFLAGS lacks \\*)", Kind.REFUSED, null);
        }
        store(ref, new Flags(keyword), on, "keyword " + keyword);
    }

    /**
     * {@code UID STORE}, not Angus's sequence-number STORE: when another client expunged mail and the
     * server renumbered without telling us yet, a sequence number can name a different message.
     */
    private void store(MessageRef ref, Flags flags, boolean on, String what) throws MailboxException {
        try {
            message(ref);
            String list = flagList(flags);
            Object found = folder.doCommand(p -> {
                Response[] r = p.command("UID STORE " + ref.uid() + (on ? " +FLAGS (" : " -FLAGS (") + list + ")", null);
                p.notifyResponseHandlers(r);
                p.handleResult(r[r.length - 1]);
                return Arrays.stream(r).anyMatch(x -> x instanceof FetchResponse);
            });
            if (!Boolean.TRUE.equals(found)) {
                throw new MailboxException(ref + " is gone (deleted or moved by another client)", Kind.GONE, null);
            }
        } catch (MessagingException e) {
            throw failure(what + " on " + ref, e);
        }
    }

    private static String flagList(Flags flags) {
        StringJoiner j = new StringJoiner(" ");
        for (Flags.Flag f : flags.getSystemFlags()) {
            j.add(f == Flags.Flag.SEEN ? "\\Seen" : f == Flags.Flag.FLAGGED ? "\\Flagged"
                    : f == Flags.Flag.ANSWERED ? "\\Answered" : "\\Deleted");
        }
        for (String k : flags.getUserFlags()) {
            j.add(k); // an atom: the rule loader accepts only atom characters in keywords
        }
        return j.toString();
    }

    private Message message(MessageRef ref) throws MessagingException, MailboxException {
        if (folder.getUIDValidity() != ref.uidValidity()) {
            throw new MailboxException(ref + ": the folder's UIDVALIDITY changed; not acting on a stale UID", Kind.GONE, null);
        }
        Message m = folder.getMessageByUID(ref.uid());
        if (m == null || m.isExpunged()) {
            throw new MailboxException(ref + " is gone (deleted or moved by another client)", Kind.GONE, null);
        }
        return m;
    }

    /** A failed operation as the port reports it: TRANSIENT when the connection is gone, else REFUSED. */
    static MailboxException failure(String what, MessagingException e) {
        boolean connectionLost = e instanceof FolderClosedException || e instanceof StoreClosedException
                || ImapConnector.causedByIo(e);
        return new MailboxException(what + ": " + ImapConnector.rootMessage(e),
                connectionLost ? Kind.TRANSIENT : Kind.REFUSED, e);
    }
}
