package io.mailwarden.backup.restore;

import static io.mailwarden.backup.restore.RestoreFixture.archived;
import static io.mailwarden.backup.restore.RestoreFixture.intoTheirFolders;
import static io.mailwarden.backup.restore.RestoreFixture.mail;
import static io.mailwarden.backup.restore.RestoreFixture.restore;
import static io.mailwarden.backup.restore.RestoreFixture.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailwarden.account.Account;
import io.mailwarden.account.Provider;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.testing.exmail.ExmailMailbox;
import io.mailwarden.testing.exmail.ExmailProxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Restoring into an Exmail-like account (the proxy fixture): folder placement, commands sent, lost connections. */
class RestoreExmailTest {

    static final String USER = "zhang.san@example.cn";
    static final Instant MARCH = Instant.parse("2026-03-02T01:15:00Z");

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private ExmailProxy proxy;
    private Account account;

    @BeforeEach
    void server() {
        ExmailMailbox.create(greenMail, greenMail.setUser(USER, USER, RestoreFixture.PASSWORD), "合同");
        proxy = ExmailProxy.builder().upstream(greenMail.getImap().getPort()).start();
        account = RestoreFixture.account(USER, proxy.port(), Provider.EXMAIL);
    }

    @AfterEach
    void stop() {
        proxy.close();
    }

    private List<RestoreFixture.Held> held(String folder) throws Exception {
        return RestoreFixture.folder(proxy.port(), USER, folder);
    }

    @Test
    void userFoldersLandUnderOtherFoldersAndSystemFoldersStay() throws Exception {
        RestoreReport r = restore(account, intoTheirFolders(), source(List.of(
                archived("财务/发票", mail("<a@example.cn>", "发票", "x"), Set.of("\\Seen"), MARCH, "a1"),
                archived("其他文件夹/合同", mail("<b@example.cn>", "合同", "y"), Set.of(), MARCH, "a2"),
                archived("INBOX", mail("<c@example.cn>", "收件", "z"), Set.of(), MARCH, "a3"),
                archived("Sent Messages", mail("<d@example.cn>", "已发送", "w"), Set.of("\\Seen"), MARCH, "a4"))));

        assertThat(r.ok()).isTrue();
        assertThat(proxy.connectionsAccepted()).as("logins (Exmail throttles them)").isEqualTo(1);
        assertThat(r.folders()).extracting(RestoreReport.Folder::serverName)
                .containsExactly("其他文件夹/财务/发票", "其他文件夹/合同", "INBOX", "Sent Messages");
        assertThat(held("其他文件夹/财务/发票")).singleElement().satisfies(h -> {
            assertThat(h.flags()).contains("\\Seen");
            assertThat(h.internalDate()).isEqualTo(MARCH);
        });
        assertThat(held("其他文件夹/合同")).hasSize(1);
        assertThat(held("Sent Messages")).hasSize(1);
        assertThat(proxy.transcript().clientCommands()).isSubsetOf(proxy.behaviour().advertisedCommands());
    }

    @Test
    void lostConnectionIsRetriedAndLeavesNoDuplicate() throws Exception {
        List<BackupMessage> messages = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            messages.add(archived("项目", mail("<p" + i + "@example.cn>", "项目 " + i, "x"), Set.of(), MARCH, "a" + i));
        }

        RestoreReport r = restore(account, intoTheirFolders(), source(messages), RestoreFixture.after(3, proxy::dropAll),
                line -> { });

        assertThat(r.ok()).isTrue();
        assertThat(r.appended() + r.present()).isEqualTo(8);
        assertThat(proxy.connectionsAccepted()).isGreaterThan(1);
        assertThat(held("其他文件夹/项目")).hasSize(8).extracting(RestoreFixture.Held::text).doesNotHaveDuplicates();
    }
}
