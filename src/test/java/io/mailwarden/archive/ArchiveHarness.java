package io.mailwarden.archive;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.archive.extract.ExtractLimits;
import io.mailwarden.archive.extract.ExtractedMessage;
import io.mailwarden.archive.extract.MessageExtractor;
import io.mailwarden.archive.extract.TextExtractor;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.IndexHit;
import io.mailwarden.archive.index.TextQueries;
import io.mailwarden.archive.linked.HostPolicy;
import io.mailwarden.archive.linked.LinkFinder;
import io.mailwarden.archive.linked.LinkedFileDownloader;
import io.mailwarden.archive.linked.LinkedFiles;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.imap.FolderReader;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.LoginBudget;
import io.mailwarden.message.FolderSource;
import io.mailwarden.message.RawMessage;
import io.mailwarden.state.TestState;
import io.mailwarden.testing.TempDirs;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The archive over a temporary data directory (real raw store, real Lucene index, real Tika), its
 * catalog in an in-memory state store, and a GreenMail IMAP server with a plain client to fill it. Linked
 * files are followed to {@link #LINK_HOSTS}.
 * Register with {@code @RegisterExtension}; {@link #reopen} simulates a restart.
 */
final class ArchiveHarness implements AfterEachCallback {

    static final String USER = "wang.wu@example.cn";
    static final String PASSWORD = "pw";
    /** Exmail's hosts, and the loopback address test servers of linked files listen on. */
    static final HostPolicy LINK_HOSTS = HostPolicy.of("qq.com", "127.0.0.1");

    final GreenMail greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
    final TestState state = new TestState();
    final Path data;
    RawStore store;
    ArchiveIndex index;
    TextExtractor extractor;
    LinkedFiles linked;
    DocumentIndexer indexer;
    /** Wraps the indexer's parsing and extraction at the next {@link #reopen} (tests make it fail). */
    UnaryOperator<Function<RawMessage, ExtractedMessage>> extraction = real -> real;
    Archive archive;
    private IMAPStore client;

    ArchiveHarness() {
        try {
            data = Files.createTempDirectory("mailwarden-archive-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        greenMail.start();
        greenMail.setUser(USER, USER, PASSWORD);
        open(indexer -> indexer);
    }

    /** Opens the archive with the indexer wrapped (tests inject failures there). */
    void open(UnaryOperator<Indexer> wrap) {
        store = new RawStore(data);
        index = ArchiveIndex.open(data.resolve("lucene"), Duration.ofSeconds(30));
        extractor = new TextExtractor(ExtractLimits.defaults());
        linked = new LinkedFiles(new LinkFinder(LINK_HOSTS), state.linkedFiles, RawStore.files(data),
                new LinkedFileDownloader(LINK_HOSTS, 10 << 20, Duration.ofSeconds(5), data.resolve("spool")), extractor,
                Clock.systemUTC());
        indexer = new DocumentIndexer(extraction.apply(new MessageExtractor(extractor)::extract), index, linked);
        archive = new Archive(store, state.archive, wrap.apply(indexer), Clock.systemUTC());
    }

    /** Closes and opens the archive again, as a restart does. */
    void reopen(UnaryOperator<Indexer> wrap) {
        closeArchive();
        open(wrap);
    }

    Account account() {
        Endpoint imap = new Endpoint("127.0.0.1", greenMail.getImap().getPort(), TlsMode.NONE);
        return new Account("corp", Provider.CUSTOM, USER, new Account.Secret(PASSWORD), imap, imap, null,
                List.of("INBOX"), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), true);
    }

    Backfill.Result backfill() throws Exception {
        return backfill(new Backfill.Options(3, 1 << 20, 2));
    }

    Backfill.Result backfill(Backfill.Options options) throws Exception {
        return backfill(options, source -> source);
    }

    /** A backfill reading the server through {@code wrap} (tests make folders fail there). */
    Backfill.Result backfill(Backfill.Options options, UnaryOperator<FolderSource> wrap)
            throws Exception {
        Account a = account();
        try (FolderReader reader = new FolderReader(new ImapConnector(a, LoginBudget.forAccount(a, Clock.systemUTC())))) {
            return new Backfill(archive, options, BackfillProgress.NONE).run(wrap.apply(reader), List.of("**"), f -> true);
        }
    }

    ArchiveCheck check() {
        return new ArchiveCheck(store, state.archive, RawStore.files(data), state.linkedFiles);
    }

    /** Verifies against the writer's current view (nothing uncommitted to allow for). */
    ArchiveCheck.Report verify(boolean hashes) throws IOException {
        index.refresh();
        return check().verify(index.ids(), null, hashes);
    }

    List<IndexHit> search(String typed) {
        index.refresh();
        return index.search(new TextQueries().anywhere(typed).orElseThrow(), 100, ArchiveIndex.NEWEST_FIRST).hits();
    }

    // --- the server ---

    IMAPStore client() throws MessagingException {
        if (client == null || !client.isConnected()) {
            Properties p = new Properties();
            p.setProperty("mail.imap.statuscachetimeout", "0");
            p.setProperty("mail.imap.partialfetch", "false"); // GreenMail serves each 16 KB piece slower than the last
            client = (IMAPStore) Session.getInstance(p).getStore("imap");
            client.connect("127.0.0.1", greenMail.getImap().getPort(), USER, PASSWORD);
        }
        return client;
    }

    /** Appends raw messages to {@code folder} (created when missing). */
    void append(String folder, byte[]... raws) throws MessagingException {
        Folder f = client().getFolder(folder);
        if (!f.exists()) {
            f.create(Folder.HOLDS_MESSAGES);
        }
        List<Message> ms = new ArrayList<>();
        for (byte[] raw : raws) {
            ms.add(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        }
        f.appendMessages(ms.toArray(Message[]::new));
    }

    /** Puts a message straight into the INBOX through GreenMail's own API: quicker than APPEND for big ones. */
    void deliver(byte[] raw) throws MessagingException {
        try {
            greenMail.getManagers().getImapHostManager().getInbox(greenMail.getUserManager().getUser(USER))
                    .appendMessage(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)),
                            new Flags(), new java.util.Date());
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new MessagingException(e.getMessage(), e);
        }
    }

    /** The folder's messages as the server serves them, raw, in UID order. */
    List<byte[]> serverRaw(String folder) throws MessagingException, IOException {
        return raw(client().getFolder(folder));
    }

    /** The messages of {@code f} (closed), raw, in UID order. */
    static List<byte[]> raw(Folder f) throws MessagingException, IOException {
        f.open(Folder.READ_ONLY);
        try {
            List<byte[]> out = new ArrayList<>();
            for (Message m : f.getMessages()) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                m.writeTo(b);
                out.add(b.toByteArray());
            }
            return out;
        } finally {
            f.close(false);
        }
    }

    /** Whether every message of the folder is still unread. */
    boolean allUnseen(String folder) throws MessagingException {
        Folder f = client().getFolder(folder);
        f.open(Folder.READ_ONLY);
        try {
            for (Message m : f.getMessages()) {
                if (m.isSet(Flags.Flag.SEEN)) {
                    return false;
                }
            }
            return true;
        } finally {
            f.close(false);
        }
    }

    /** Deletes and expunges the message with this UID, as another client would. */
    void expunge(String folder, long uid) throws MessagingException {
        IMAPFolder f = (IMAPFolder) client().getFolder(folder);
        f.open(Folder.READ_WRITE);
        f.getMessageByUID(uid).setFlag(Flags.Flag.DELETED, true);
        f.close(true);
    }

    private void closeArchive() {
        if (index != null) {
            linked.close();
            index.close();
            extractor.close();
            index = null;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        closeArchive();
        if (client != null) {
            client.close();
        }
        greenMail.stop();
        TempDirs.delete(data);
    }
}
