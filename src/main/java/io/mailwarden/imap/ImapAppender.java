package io.mailwarden.imap;

import io.mailwarden.message.MailboxAppender;
import io.mailwarden.message.MailboxException;
import io.mailwarden.message.MailboxException.Kind;
import io.mailwarden.message.RawHeaders;
import io.mailwarden.message.RawMessage;
import io.mailwarden.message.Sha256;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Literal;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;

/**
 * Restores into an account over one connection. A folder is looked at with SELECT (PERMANENTFLAGS says
 * which keywords an APPEND may keep; EXAMINE would report none) and read only with PEEK, so nothing is
 * marked read and nothing expunged. Folder-level commands (LIST, CREATE) are sent with no folder open: Angus
 * gives an open folder the store's connection and would log in again for them (Exmail throttles logins),
 * so one restore is one login. After a lost connection the next call logs in again, first waiting
 * an exponential back-off with jitter, so a flapping server never sees a login storm.
 */
public final class ImapAppender implements MailboxAppender {

    private static final String LIST = "(UID RFC822.SIZE BODY.PEEK[HEADER.FIELDS (MESSAGE-ID)])";

    private final ImapConnector connector;
    private final Backoff backoff;
    private IMAPStore store;
    private FolderMap folders;
    private IMAPFolder open;
    private boolean lost;

    public ImapAppender(ImapConnector connector) {
        this(connector, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    ImapAppender(ImapConnector connector, Backoff backoff) {
        this.connector = connector;
        this.backoff = backoff;
    }

    @Override
    public String serverName(String folder) throws MailboxException {
        return call("map folder " + folder, () -> {
            closeOpen();
            String name = folder;
            String root = FolderMap.EXMAIL_USER_ROOT + "/";
            if (name.startsWith(root) && !folders.userRootFolders()) {
                name = name.substring(root.length()); // from Exmail to a server without that parent
            }
            return folders.serverName(name);
        });
    }

    @Override
    public boolean exists(String serverName) throws MailboxException {
        return call("look for folder " + serverName, () -> {
            closeOpen();
            Folder f = store.getFolder(serverName);
            return f.exists() && (f.getType() & Folder.HOLDS_MESSAGES) != 0;
        });
    }

    @Override
    public void create(String serverName) throws MailboxException {
        call("create folder " + serverName, () -> {
            closeOpen();
            Folder f = store.getFolder(serverName);
            if (!f.exists() && !f.create(Folder.HOLDS_MESSAGES)) {
                throw new MessagingException("the server refused to create folder " + serverName);
            }
            return null;
        });
    }

    @Override
    public Contents contents(String serverName) throws MailboxException {
        return call("list folder " + serverName, () -> {
            IMAPFolder f = select(serverName);
            List<Held> held = new ArrayList<>();
            if (f.getMessageCount() > 0) {
                for (FetchResponse r : ImapMessages.fetch(f, "UID FETCH 1:* " + LIST).values()) {
                    held.add(held(r));
                }
            }
            Flags permanent = f.getPermanentFlags();
            Set<String> allowed = new TreeSet<>(Arrays.asList(permanent.getUserFlags()));
            for (Flags.Flag flag : permanent.getSystemFlags()) {
                allowed.add(wire(flag));
            }
            return new Contents(held, permanent.contains(Flags.Flag.USER), allowed);
        });
    }

    private static Held held(FetchResponse r) {
        long uid = r.getItem(org.eclipse.angus.mail.imap.protocol.UID.class).uid;
        RFC822SIZE size = r.getItem(RFC822SIZE.class);
        BODY header = r.getItem(BODY.class);
        String messageId = header == null ? "" : RawHeaders.messageId(header.getByteArray().getNewBytes());
        return new Held(uid, messageId, size == null ? -1 : size.size);
    }

    /**
     * Hashes the messages as they come, in pieces of at most {@link FolderReader#PIECE} bytes (the first piece of
     * each in one FETCH, the rest of a bigger one piece by piece), so no message is ever held whole.
     */
    @Override
    public Map<Long, String> hashes(String serverName, long[] uids) throws MailboxException {
        long[] ascending = uids.clone();
        Arrays.sort(ascending); // Exmail answers BAD to a descending set
        return call("read messages of " + serverName, () -> {
            Map<Long, String> out = new HashMap<>();
            if (ascending.length > 0) {
                IMAPFolder f = select(serverName);
                Map<Long, FetchResponse> first = ImapMessages.fetch(f, "UID FETCH " + ImapMessages.uidSet(ascending)
                        + " (UID " + FolderReader.piece(0, FolderReader.PIECE) + ")");
                for (long uid : ascending) {
                    FetchResponse r = first.remove(uid);
                    BODY body = r == null ? null : r.getItem(BODY.class);
                    String hash = body == null ? null : hash(f, uid, body.getByteArray());
                    if (hash != null) {
                        out.put(uid, hash);
                    }
                }
            }
            return out;
        });
    }

    /** The hash of a message whose first piece is {@code first}, the others fetched; null when it is gone. */
    private static String hash(IMAPFolder f, long uid, ByteArray first) throws MessagingException {
        MessageDigest sha = Sha256.digest();
        boolean whole = FolderReader.pieces(f, uid, FolderReader.PIECE, first,
                got -> sha.update(got.getBytes(), got.getStart(), got.getCount()));
        return whole ? Sha256.hex(sha) : null;
    }

    @Override
    public String append(String serverName, Append message) throws MailboxException {
        // on the selected folder's connection when there is one: the store's own may be a second login
        return call("append to " + serverName, () -> appendOne(
                open != null && open.isOpen() ? open : (IMAPFolder) store.getFolder(serverName), serverName, message));
    }

    /** One APPEND; null when it landed, else the server's refusal. A lost connection is thrown. */
    private static String appendOne(IMAPFolder via, String target, Append a) throws MessagingException {
        if (a.raw().size() > Integer.MAX_VALUE) {
            return "the message is " + a.raw().size() + " bytes: more than an IMAP literal can carry (2 GB)";
        }
        Date date = a.internalDate() == null ? null : Date.from(a.internalDate());
        try {
            via.doCommand(p -> {
                p.append(target, flags(a.flags()), date, new Bytes(a.raw()));
                return null;
            });
            return null;
        } catch (MessagingException e) {
            MailboxException m = ImapMailbox.failure("APPEND", e);
            if (m.kind() == Kind.TRANSIENT) {
                throw e;
            }
            return ImapConnector.rootMessage(e);
        }
    }

    private static Flags flags(Set<String> wire) {
        Flags f = new Flags();
        for (String name : wire) {
            switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "\\seen" -> f.add(Flags.Flag.SEEN);
                case "\\answered" -> f.add(Flags.Flag.ANSWERED);
                case "\\flagged" -> f.add(Flags.Flag.FLAGGED);
                case "\\draft" -> f.add(Flags.Flag.DRAFT);
                case "\\deleted" -> f.add(Flags.Flag.DELETED);
                default -> f.add(name);
            }
        }
        return f;
    }

    private static String wire(Flags.Flag flag) {
        String name = ImapMessages.systemFlagName(flag);
        return "\\" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The folder, selected read-write on this connection (reused while it stays selected). */
    private IMAPFolder select(String serverName) throws MessagingException {
        if (open != null && open.isOpen() && open.getFullName().equals(serverName)) {
            return open;
        }
        closeOpen();
        IMAPFolder f = (IMAPFolder) store.getFolder(serverName);
        f.open(Folder.READ_WRITE);
        open = f;
        return f;
    }

    /** An operation on the connection. */
    @FunctionalInterface
    private interface Work<T> {
        T run() throws MessagingException;
    }

    private <T> T call(String what, Work<T> work) throws MailboxException {
        connect();
        try {
            T result = work.run();
            backoff.reset();
            return result;
        } catch (MessagingException e) {
            MailboxException failure = ImapMailbox.failure(connector.account().name() + ": " + what, e);
            if (failure.kind() == Kind.TRANSIENT) {
                lost = true;
                drop();
            }
            throw failure;
        }
    }

    private void connect() throws MailboxException {
        if (store != null) {
            return; // IMAPStore.isConnected() would cost a NOOP per call; a lost connection drops the store instead
        }
        drop();
        if (lost) {
            pause(backoff.next());
        }
        try {
            store = connector.connect();
            folders = new FolderMap(store, connector.account().provider().isTencent());
        } catch (ImapException e) {
            lost = true;
            boolean refused = e.getCause() instanceof AuthenticationFailedException;
            throw new MailboxException(e.getMessage(), refused ? Kind.REFUSED : Kind.TRANSIENT, e);
        }
    }

    private void pause(Duration wait) throws MailboxException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MailboxException(connector.account().name() + ": interrupted", Kind.TRANSIENT, e);
        }
    }

    private void closeOpen() {
        if (open != null && open.isOpen()) {
            try {
                open.close(false); // never expunge
            } catch (MessagingException e) {
                // the folder is closed either way
            }
        }
        open = null;
    }

    private void drop() {
        closeOpen();
        ImapConnector.closeQuietly(store);
        store = null;
        folders = null;
    }

    @Override
    public void close() {
        drop();
    }

    /** A message's bytes as an APPEND literal, streamed from the file of a spooled one. */
    private record Bytes(RawMessage raw) implements Literal {
        @Override
        public int size() {
            return (int) raw.size();
        }

        @Override
        public void writeTo(OutputStream os) throws IOException {
            raw.writeTo(os);
        }
    }
}
