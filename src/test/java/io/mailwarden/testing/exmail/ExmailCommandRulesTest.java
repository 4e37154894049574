package io.mailwarden.testing.exmail;

import static io.mailwarden.testing.exmail.ExmailFixture.PASSWORD;
import static io.mailwarden.testing.exmail.ExmailFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExmailCommandRulesTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private ExmailMailbox mailbox;

    @BeforeEach
    void account() throws Exception {
        mailbox = ExmailMailbox.create(greenMail, ExmailFixture.account(greenMail), "QQ邮件");
        for (int i = 1; i <= 5; i++) {
            mailbox.deliver("INBOX", ExmailFixture.message("message " + i, "body " + i));
        }
    }

    @Test
    void descendingUidSetIsRejectedLikeExmail() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap imap = new RawImap(proxy.port())) {
            imap.login(USER, PASSWORD);
            imap.command("SELECT INBOX");
            assertThat(imap.command("UID FETCH 1593:1580 (FLAGS)")).containsExactly("t3 BAD UID parameters!");
            assertThat(imap.command("FETCH 5:3 (FLAGS)")).containsExactly("t4 BAD UID parameters!");
            assertThat(imap.command("UID STORE 9:7 +FLAGS (\\Seen)")).containsExactly("t5 BAD UID parameters!");
            assertThat(imap.command("UID SEARCH UID 4:2")).containsExactly("t6 BAD UID parameters!");
            assertThat(imap.command("FETCH 3:5 (FLAGS)")).hasSize(4).last().asString().startsWith("t7 OK");
            assertThat(proxy.transcript().notes()).filteredOn(n -> n.startsWith("rejected")).hasSize(4);
            assertThat(greenMail.getReceivedMessages()).allSatisfy(m -> assertThat(m.isSet(jakarta.mail.Flags.Flag.SEEN)).isFalse());
        }
    }

    @Test
    void textSearchIsRejectedLikeExmail() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap imap = new RawImap(proxy.port())) {
            imap.login(USER, PASSWORD);
            imap.command("SELECT INBOX");
            assertThat(imap.command("UID SEARCH FROM li.si")).containsExactly("t3 BAD UID SEARCH invalid argument");
            assertThat(imap.command("SEARCH CHARSET UTF-8 TEXT x")).containsExactly("t4 BAD SEARCH invalid argument");
            assertThat(imap.command("UID SEARCH UNSEEN SINCE 1-Jan-2020")).first().asString().startsWith("* SEARCH");
        }
    }

    @Test
    void selectStatusCodesComeWithoutText() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap imap = new RawImap(proxy.port())) {
            imap.login(USER, PASSWORD);
            assertThat(imap.command("SELECT INBOX")).filteredOn(l -> l.startsWith("* OK ["))
                    .isNotEmpty().allSatisfy(l -> assertThat(l).endsWith("]"));
        }
    }

    @Test
    void descendingSetsCanBeAllowed() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).rejectDescendingSets(false).start();
             RawImap imap = new RawImap(proxy.port())) {
            imap.login(USER, PASSWORD);
            imap.command("SELECT INBOX");
            assertThat(imap.command("FETCH 5:3 (FLAGS)")).last().asString().startsWith("t3 OK");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"UNSELECT", "ENABLE CONDSTORE", "SORT (DATE) UTF-8 ALL", "XYZZY", "STARTTLS", "GETQUOTAROOT INBOX"})
    void unknownCommandDropsTheConnection(String command) throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap imap = new RawImap(proxy.port())) {
            imap.login(USER, PASSWORD);
            imap.command("SELECT INBOX");
            imap.send(command);
            assertThat(imap.closedByPeer()).as("closed without a reply").isTrue();
            assertThat(proxy.transcript().notes()).anySatisfy(n -> assertThat(n).startsWith("dropped: not advertised"));
        }
    }

    @Test
    void moveDropsTheConnectionWhenMoveIsNotAdvertised() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).move(false).start();
             RawImap imap = new RawImap(proxy.port())) {
            imap.login(USER, PASSWORD);
            imap.command("SELECT INBOX");
            imap.send("UID MOVE 1 Junk");
            assertThat(imap.closedByPeer()).isTrue();
        }
        assertThat(mailbox.folder("INBOX").getMessageCount()).isEqualTo(5);
    }

    @Test
    void uidExpungeDropsTheConnectionWithoutUidplus() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).uidplus(false).start();
             RawImap imap = new RawImap(proxy.port())) {
            imap.login(USER, PASSWORD);
            imap.command("SELECT INBOX");
            imap.send("UID EXPUNGE 1");
            assertThat(imap.closedByPeer()).isTrue();
        }
    }

    @Test
    void angusMoveUsesAdvertisedMoveIntoAUserFolder() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start()) {
            IMAPStore store = ExmailFixture.connect(proxy);
            try {
                IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
                inbox.open(Folder.READ_WRITE);
                Folder target = store.getFolder(ExmailMailbox.userFolder("QQ邮件"));
                inbox.moveMessages(new Message[] {inbox.getMessage(1)}, target);
                inbox.close(false);
            } finally {
                store.close();
            }
            assertThat(proxy.transcript().clientCommands()).contains("MOVE");
            assertThat(proxy.transcript().clientLines()).anySatisfy(l -> assertThat(l).contains("MOVE 1 &UXZO1mWHTvZZOQ-/QQ&kK5O9g-"));
        }
        assertThat(mailbox.folder(ExmailMailbox.userFolder("QQ邮件")).getMessageCount()).isEqualTo(1);
    }

    @Test
    void appendedAndFetchedBodiesPassThroughUntouched() throws Exception {
        byte[] raw = ("From: =?GBK?B?1cXI/Q==?= <zhang.san@example.cn>\r\nSubject: \u53d1\u7968\r\n"
                + "Content-Type: text/plain; charset=GBK\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] gbkBody = "合同与发票 {42}\r\n第二行\r\n".getBytes(java.nio.charset.Charset.forName("GBK"));
        byte[] message = concat(raw, gbkBody);
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start()) {
            IMAPStore store = ExmailFixture.connect(proxy);
            try {
                IMAPFolder junk = (IMAPFolder) store.getFolder("Junk");
                junk.appendMessages(new Message[] {new MimeMessage(ExmailFixture.session(), new java.io.ByteArrayInputStream(message))});
                junk.open(Folder.READ_ONLY);
                ByteArrayOutputStream fetched = new ByteArrayOutputStream();
                junk.getMessage(1).writeTo(fetched);
                assertThat(fetched.toByteArray()).isEqualTo(message);
                junk.close(false);
            } finally {
                store.close();
            }
            List<String> lines = proxy.transcript().clientLines();
            assertThat(lines).anySatisfy(l -> assertThat(l).contains("APPEND").contains("<" + message.length + " octets>"));
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
