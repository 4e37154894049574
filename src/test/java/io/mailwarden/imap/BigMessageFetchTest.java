package io.mailwarden.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailwarden.message.Attachment;
import io.mailwarden.message.MessageArrived;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * New mail too big to read whole in the watcher's memory comes as its header and structure, like mail no
 * rule needs the body of: the rules still see it, the archive's sync reads it whole through its spool.
 */
class BigMessageFetchTest {

    private static final String USER = "li.si@corp.example.cn";

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @Test
    void readsAMessageOverTheLimitAsItsHeaderAndStructureAndTheOthersWhole() throws Exception {
        greenMail.setUser(USER, USER, "pw");
        byte[] small = mail("small", new byte[100]);
        byte[] big = mail("big", new byte[60_000]);
        try (IMAPStore store = client()) {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.appendMessages(new Message[] {mime(small), mime(big), mime(small)});
            inbox.open(Folder.READ_ONLY);

            ImapMessages.Listed listed = ImapMessages.uidsAfter(inbox, 0);
            List<MessageArrived> got = new ImapMessages(inbox, "corp", "INBOX", inbox.getUIDValidity(), 40_000)
                    .read(listed, true, false);

            assertThat(listed.uids()).containsExactly(1, 2, 3);
            assertThat(listed.sizes()[1]).isGreaterThan(60_000);
            assertThat(got).extracting(m -> m.ref().uid()).containsExactly(1L, 2L, 3L);
            assertThat(got).extracting(MessageArrived::complete).containsExactly(true, false, true);
            MessageArrived headerOnly = got.get(1);
            assertThat(new String(headerOnly.raw(), StandardCharsets.US_ASCII)).contains("Subject: big")
                    .doesNotContain("AAAA");
            assertThat(headerOnly.size()).isEqualTo(listed.sizes()[1]);
            assertThat(headerOnly.structure()).extracting(Attachment::filename).containsExactly("data.bin");
            assertThat(ImapMessages.uidsAfter(inbox, 3).uids()).isEmpty();
            for (Message m : inbox.getMessages()) {
                assertThat(m.isSet(Flags.Flag.SEEN)).as("read with PEEK").isFalse();
            }
        }
    }

    private static byte[] mail(String subject, byte[] attachment) {
        return ("From: a@x.example\r\nTo: " + USER + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + subject + "@x>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n--b\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=\"data.bin\"\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(attachment) + "\r\n--b--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static MimeMessage mime(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }

    private static IMAPStore client() throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.imap.statuscachetimeout", "0");
        IMAPStore store = (IMAPStore) Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), USER, "pw");
        return store;
    }
}
