package io.mailwarden.testing.exmail;

import static io.mailwarden.testing.exmail.ExmailFixture.PASSWORD;
import static io.mailwarden.testing.exmail.ExmailFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExmailFoldersTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private ExmailMailbox mailbox;

    @BeforeEach
    void account() {
        mailbox = ExmailMailbox.create(greenMail, ExmailFixture.account(greenMail), "QQ邮件", "合同/2024");
    }

    @Test
    void exmailLayoutIsListedWithSlashDelimiterAndNoselectParent() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start()) {
            IMAPStore store = ExmailFixture.connect(proxy);
            try {
                Folder[] all = store.getDefaultFolder().list("*");
                List<String> names = Arrays.stream(all).map(Folder::getFullName).toList();
                assertThat(names).containsExactlyInAnyOrder("INBOX", "Sent Messages", "Drafts", "Deleted Messages",
                        "Junk", "其他文件夹", "其他文件夹/QQ邮件", "其他文件夹/合同", "其他文件夹/合同/2024");
                IMAPFolder parent = (IMAPFolder) store.getFolder("其他文件夹");
                assertThat(parent.getSeparator()).isEqualTo('/');
                assertThat(parent.getAttributes()).contains("\\Noselect");
                assertThat(parent.getType() & Folder.HOLDS_MESSAGES).isZero();
                assertThatThrownBy(() -> parent.open(Folder.READ_ONLY)).isInstanceOf(MessagingException.class);
                assertThat(store.getFolder("其他文件夹").list("%")).extracting(Folder::getName)
                        .containsExactlyInAnyOrder("QQ邮件", "合同");
            } finally {
                store.close();
            }
            assertThat(proxy.transcript().serverLines())
                    .anySatisfy(l -> assertThat(l).isEqualTo("* LIST (\\Noselect) \"/\" \"&UXZO1mWHTvZZOQ-\""));
        }
    }

    @Test
    void userFolderCreatedByAClientLandsUnderOtherFolders() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start()) {
            IMAPStore store = ExmailFixture.connect(proxy);
            try {
                assertThat(store.getFolder("其他文件夹/新项目").create(Folder.HOLDS_MESSAGES)).isTrue();
            } finally {
                store.close();
            }
        }
        assertThat(mailbox.folder("其他文件夹/新项目")).isNotNull();
    }

    @Test
    void xlistIsAnsweredWithXlistLines() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap imap = new RawImap(proxy.port())) {
            imap.login(USER, PASSWORD);
            List<String> xlist = imap.command("XLIST \"\" \"*\"");
            assertThat(xlist.subList(0, xlist.size() - 1)).hasSize(9)
                    .allSatisfy(l -> assertThat(l).startsWith("* XLIST (").contains(" \"/\" "))
                    .contains("* XLIST () \"/\" \"Sent Messages\"",
                            "* XLIST () \"/\" \"&UXZO1mWHTvZZOQ-/QQ&kK5O9g-\"");
            assertThat(xlist).last().asString().startsWith("t2 OK");
            assertThat(imap.command("LIST \"\" \"Junk\"")).first().isEqualTo("* LIST () \"/\" \"Junk\"");
        }
    }

    @Test
    void statusOfAUserFolderUsesExmailNames() throws Exception {
        mailbox.deliver("其他文件夹/QQ邮件", ExmailFixture.message("通知", "正文"));
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap imap = new RawImap(proxy.port())) {
            imap.login(USER, PASSWORD);
            assertThat(imap.command("STATUS \"&UXZO1mWHTvZZOQ-/QQ&kK5O9g-\" (MESSAGES)")).first()
                    .isEqualTo("* STATUS \"&UXZO1mWHTvZZOQ-/QQ&kK5O9g-\" (MESSAGES 1)");
        }
    }
}
