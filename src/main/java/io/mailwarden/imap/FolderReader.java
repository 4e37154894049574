package io.mailwarden.imap;

import io.mailwarden.message.FolderSource;
import io.mailwarden.message.MailboxException;
import io.mailwarden.message.MessageRef;
import io.mailwarden.message.RawMessage;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.iap.BadCommandException;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.CommandFailedException;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.RFC822SIZE;

/**
 * Reads folders whole for the archive, on one connection. A folder is opened read-only (EXAMINE: nothing
 * is marked read, nothing expunged); one {@code UID FETCH 1:* (UID RFC822.SIZE)} lists what it holds, then
 * the messages past a UID come in ascending batches of {@code UID FETCH set (UID FLAGS INTERNALDATE
 * BODY.PEEK[])}, each bounded by a count and by bytes. A message too big to hold is fetched in pieces into a
 * spool file, so memory stays bounded for any message size.
 */
public final class FolderReader implements FolderSource {

    /**
     * A message bigger than this is fetched in pieces of this size into a spool file: a whole-message FETCH
     * holds the message twice at its end (the response buffer and the copy taken out of it).
     */
    static final int PIECE = 8 << 20;

    private final ImapConnector connector;
    private final int piece;
    private IMAPStore store;
    private IMAPFolder open;

    public FolderReader(ImapConnector connector) {
        this(connector, PIECE);
    }

    FolderReader(ImapConnector connector, int piece) {
        this.connector = connector;
        this.piece = piece;
    }

    @Override
    public String account() {
        return connector.account().name();
    }

    /** The folders in LIST order. */
    @Override
    public List<String> folders(List<String> globs, String key) throws MailboxException {
        try {
            return SelectableFolders.matching(store(), connector.account(), globs, key);
        } catch (ImapException | MessagingException e) {
            throw failed(e);
        }
    }

    /**
     * Opens the folder and lists its UIDs and sizes. A folder the server no longer has is {@code GONE}; one that
     * cannot be opened (a NO or BAD to EXAMINE, or LIST calls it {@code \Noselect}) is {@code REFUSED}: the
     * folder's trouble, not the connection's.
     */
    @Override
    public Listing list(String folder) throws MailboxException {
        try {
            return listing(folder);
        } catch (FolderNotFoundException e) {
            throw new MailboxException(folder + " is no longer on the server", MailboxException.Kind.GONE, e);
        } catch (StoreClosedException | FolderClosedException e) {
            throw failed(e); // the connection dropped (Angus gives these no cause)
        } catch (MessagingException e) {
            Throwable cause = e.getCause();
            if (cause == null || cause instanceof CommandFailedException || cause instanceof BadCommandException) {
                throw new MailboxException("cannot open " + folder + ": " + e.getMessage(), MailboxException.Kind.REFUSED,
                        e);
            }
            throw failed(e);
        } catch (ImapException e) {
            throw failed(e);
        }
    }

    private Listing listing(String folder) throws ImapException, MessagingException {
        if (open != null && open.isOpen()) {
            open.close(false);
        }
        open = (IMAPFolder) store().getFolder(folder);
        open.open(Folder.READ_ONLY);
        long uidValidity = open.getUIDValidity();
        if (open.getMessageCount() == 0) {
            return new Listing(folder, uidValidity, new long[0], new long[0]);
        }
        Map<Long, FetchResponse> all = ImapMessages.fetch(open, "UID FETCH 1:* (UID RFC822.SIZE)");
        long[] uids = all.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        long[] sizes = new long[uids.length];
        for (int i = 0; i < uids.length; i++) {
            RFC822SIZE size = all.get(uids[i]).getItem(RFC822SIZE.class);
            sizes[i] = size == null ? 0 : size.size;
        }
        return new Listing(folder, uidValidity, uids, sizes);
    }

    @Override
    public void read(Listing listing, long after, int maxCount, long maxBytes, Path spool, BatchSink sink)
            throws MailboxException, InterruptedException {
        int i = 0;
        while (i < listing.uids().length && listing.uids()[i] <= after) {
            i++;
        }
        while (i < listing.uids().length) {
            int start = i;
            long bytes = 0;
            while (i < listing.uids().length && i - start < maxCount
                    && (i == start || bytes + listing.sizes()[i] <= maxBytes)) {
                bytes += listing.sizes()[i++];
            }
            List<Fetched> batch;
            try {
                batch = i - start == 1 && listing.sizes()[start] > piece
                        ? inPieces(listing, listing.uids()[start], spool)
                        : fetch(listing, Arrays.copyOfRange(listing.uids(), start, i));
            } catch (MessagingException e) {
                throw failed(e);
            } catch (IOException e) {
                throw new MailboxException("cannot spool a big message of " + listing.folder() + " to " + spool + ": "
                        + e.getMessage(), MailboxException.Kind.TRANSIENT, e);
            }
            sink.accept(batch);
        }
    }

    /**
     * One batch, copied out of the responses: they hold each message's bytes a second time (in buffers
     * bigger than the message), so they must be garbage before the batch is handed on, not while it is worked.
     */
    private List<Fetched> fetch(Listing listing, long[] batch) throws MessagingException {
        Map<Long, FetchResponse> fetched = ImapMessages.fetch(open,
                "UID FETCH " + ImapMessages.uidSet(batch) + " (UID FLAGS INTERNALDATE BODY.PEEK[])");
        List<Fetched> out = new ArrayList<>(batch.length);
        for (long uid : batch) {
            FetchResponse r = fetched.remove(uid);
            BODY body = r == null ? null : r.getItem(BODY.class);
            if (body != null) {
                out.add(fetched(listing, uid, r, RawMessage.of(body.getByteArray().getNewBytes())));
            }
        }
        return out;
    }

    /**
     * One big message, read {@link #piece} bytes at a time ({@code BODY.PEEK[]<offset.length>}) into a new
     * file in {@code spool}; empty (and no file left) when it was expunged meanwhile.
     */
    private List<Fetched> inPieces(Listing listing, long uid, Path spool) throws MessagingException, IOException {
        FetchResponse head = ImapMessages.fetch(open, "UID FETCH " + uid + " (UID FLAGS INTERNALDATE)").get(uid);
        if (head == null) {
            return List.of();
        }
        RawMessage raw = RawMessage.spool(spool, "fetch-" + uid, file -> {
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE)) {
                return pieces(open, uid, piece, null, got -> {
                    ByteBuffer bytes = ByteBuffer.wrap(got.getBytes(), got.getStart(), got.getCount());
                    while (bytes.hasRemaining()) {
                        out.write(bytes);
                    }
                });
            }
        });
        return raw == null ? List.of() : List.of(fetched(listing, uid, head, raw));
    }

    /** Takes one piece of a message. */
    @FunctionalInterface
    interface Piece<E extends Exception> {
        void accept(ByteArray bytes) throws E;
    }

    /**
     * Hands {@code sink} the message {@code uid} of {@code f} piece by piece, each of {@code piece} bytes but the
     * last ({@code BODY.PEEK[]<offset.length>}), starting with {@code first} when it was fetched already (null:
     * fetched here); false when the message was expunged meanwhile.
     */
    static <E extends Exception> boolean pieces(IMAPFolder f, long uid, int piece, ByteArray first, Piece<E> sink)
            throws MessagingException, E {
        ByteArray got = first;
        long offset = 0;
        while (true) {
            if (got == null) {
                FetchResponse r = ImapMessages.fetch(f, "UID FETCH " + uid + " (UID " + piece(offset, piece) + ")")
                        .get(uid);
                BODY body = r == null ? null : r.getItem(BODY.class);
                if (body == null) {
                    return false;
                }
                got = body.getByteArray();
            }
            sink.accept(got);
            if (got.getCount() < piece) {
                return true;
            }
            offset += got.getCount();
            got = null;
        }
    }

    /** The FETCH item of {@code length} bytes of a message from {@code offset}, read without marking it read. */
    static String piece(long offset, int length) {
        return "BODY.PEEK[]<" + offset + "." + length + ">";
    }

    private Fetched fetched(Listing listing, long uid, FetchResponse r, RawMessage raw) {
        MessageRef ref = new MessageRef(connector.account().name(), listing.folder(), listing.uidValidity(), uid);
        return new Fetched(ref, raw, ImapMessages.flags(r), ImapMessages.keywords(r), ImapMessages.internalDate(r));
    }

    /** The connection is the problem whatever failed: the next run starts again where this one stopped. */
    private static MailboxException failed(Exception e) {
        return new MailboxException(e.getMessage() != null ? e.getMessage() : e.toString(), MailboxException.Kind.TRANSIENT, e);
    }

    private IMAPStore store() throws ImapException {
        if (store == null || !store.isConnected()) {
            store = connector.connect();
        }
        return store;
    }

    @Override
    public void close() {
        if (open != null && open.isOpen()) {
            try {
                open.close(false);
            } catch (MessagingException e) {
                // the connection closes next anyway
            }
        }
        if (store != null) {
            ImapConnector.closeQuietly(store);
        }
    }
}
