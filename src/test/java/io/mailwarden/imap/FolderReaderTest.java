package io.mailwarden.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.message.FolderSource;
import io.mailwarden.message.MailboxException;
import io.mailwarden.message.RawMessage;
import io.mailwarden.testing.exmail.ExmailMailbox;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderReaderTest {

    private static final String USER = "wang.wu@example.cn";

    private final GreenMail greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    @Test
    void saysAFolderTheServerRefusesOrNoLongerHasIsTheFoldersTroubleNotTheConnections() throws Exception {
        greenMail.start();
        ExmailMailbox.create(greenMail, greenMail.setUser(USER, USER, "pw")); // 其他文件夹 cannot be opened
        Endpoint imap = new Endpoint("127.0.0.1", greenMail.getImap().getPort(), TlsMode.NONE);
        Account account = new Account("corp", Provider.CUSTOM, USER, new Account.Secret("pw"), imap, imap, null,
                List.of("INBOX"), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), true);

        try (FolderReader reader = new FolderReader(new ImapConnector(account, LoginBudget.forAccount(account,
                Clock.systemUTC())))) {
            assertThatThrownBy(() -> reader.list(ExmailMailbox.OTHER_FOLDERS)).isInstanceOf(MailboxException.class)
                    .hasMessageContaining(ExmailMailbox.OTHER_FOLDERS)
                    .extracting(e -> ((MailboxException) e).kind()).isEqualTo(MailboxException.Kind.REFUSED);
            assertThatThrownBy(() -> reader.list("Nowhere")).isInstanceOf(MailboxException.class)
                    .hasMessageContaining("Nowhere")
                    .extracting(e -> ((MailboxException) e).kind()).isEqualTo(MailboxException.Kind.GONE);
            assertThat(reader.list("INBOX").uids()).as("the connection is still good").isEmpty();
        }
    }

    @Test
    void readsABigMessageInPiecesIntoASpoolFileByteForByteWithoutMarkingItRead(@TempDir Path spool) throws Exception {
        greenMail.start();
        greenMail.setUser(USER, USER, "pw");
        byte[] big = message("big", "x".repeat(70) + "\r\n", 1500); // ~108 KB
        byte[] small = message("small", "short\r\n", 1);
        append(big, small);
        Endpoint imap = new Endpoint("127.0.0.1", greenMail.getImap().getPort(), TlsMode.NONE);
        Account account = new Account("corp", Provider.CUSTOM, USER, new Account.Secret("pw"), imap, imap, null,
                List.of("INBOX"), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), true);

        List<FolderSource.Fetched> read = new ArrayList<>();
        try (FolderReader reader = new FolderReader(new ImapConnector(account, LoginBudget.forAccount(account,
                Clock.systemUTC())), 16 * 1024)) {
            FolderSource.Listing listing = reader.list("INBOX");
            reader.read(listing, 0, 10, 32 * 1024, spool, read::addAll);
        }

        assertThat(read).hasSize(2);
        RawMessage first = read.get(0).raw();
        assertThat(first).isInstanceOf(RawMessage.Spooled.class);
        assertThat(first.size()).isGreaterThan(100_000);
        try (var in = first.open()) {
            assertThat(in.readAllBytes()).isEqualTo(served(0));
        }
        assertThat(((RawMessage.InMemory) read.get(1).raw()).bytes()).isEqualTo(served(1));
        assertThat(read.get(0).internalDate()).isNotNull();
        assertThat(unseen()).isEqualTo(2);
        read.forEach(m -> m.raw().close());
        try (var left = Files.list(spool)) {
            assertThat(left).as("closing a spooled message deletes its file").isEmpty();
        }
    }

    private static byte[] message(String subject, String line, int lines) {
        return ("From: a@example.com\r\nTo: " + USER + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + subject
                + "@x>\r\n\r\n" + line.repeat(lines)).getBytes(StandardCharsets.US_ASCII);
    }

    private IMAPStore client() throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.imap.statuscachetimeout", "0");
        IMAPStore store = (IMAPStore) Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), USER, "pw");
        return store;
    }

    private void append(byte[]... raws) throws Exception {
        try (IMAPStore store = client()) {
            List<Message> ms = new ArrayList<>();
            for (byte[] raw : raws) {
                ms.add(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
            }
            store.getFolder("INBOX").appendMessages(ms.toArray(Message[]::new));
        }
    }

    private byte[] served(int n) throws Exception {
        try (IMAPStore store = client()) {
            Folder f = store.getFolder("INBOX");
            f.open(Folder.READ_ONLY);
            var out = new java.io.ByteArrayOutputStream();
            f.getMessages()[n].writeTo(out);
            f.close(false);
            return out.toByteArray();
        }
    }

    private int unseen() throws Exception {
        try (IMAPStore store = client()) {
            Folder f = store.getFolder("INBOX");
            f.open(Folder.READ_ONLY);
            int n = 0;
            for (Message m : f.getMessages()) {
                n += m.isSet(Flags.Flag.SEEN) ? 0 : 1;
            }
            f.close(false);
            return n;
        }
    }
}
