package io.mailwarden.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.testing.exmail.ExmailMailbox;
import io.mailwarden.testing.exmail.ExmailProxy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code accounts test} against an Exmail-like server: capabilities, folders, fallbacks and warnings. */
class AccountProbeTest {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private static Account exmail(int port, String password) {
        Endpoint imap = new Endpoint("127.0.0.1", port, TlsMode.NONE);
        return new Account("work", Provider.EXMAIL, "li@corp.example", new Account.Secret(password), imap, imap, null,
                List.of("INBOX"), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), true);
    }

    @Test
    void reportsExmailCapabilitiesFoldersAndFallbacks() throws Exception {
        GreenMailUser user = greenMail.setUser("li@corp.example", "li@corp.example", "pw");
        ExmailMailbox.create(greenMail, user, "财务", "合同　2024");
        try (ExmailProxy proxy = ExmailProxy.builder().upstream(greenMail.getImap().getPort()).move(false).uidplus(false)
                .start()) {
            AccountProbe.Report r = AccountProbe.probe(exmail(proxy.port(), "pw"), Clock.systemUTC());
            assertThat(r.capabilities()).contains("IDLE", "XLIST").doesNotContain("MOVE", "UIDPLUS");
            assertThat(r.folders()).extracting(AccountProbe.FolderInfo::name)
                    .contains("INBOX", "Deleted Messages", "其他文件夹", "其他文件夹/财务");
            assertThat(r.folders()).filteredOn(f -> f.name().equals("其他文件夹")).singleElement()
                    .satisfies(f -> assertThat(f.selectable()).isFalse());
            assertThat(r.fallbacks()).anySatisfy(f -> assertThat(f).startsWith("no MOVE: moves are done as UID COPY")
                    .contains("without UIDPLUS the original only gets \\Deleted"));
            assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("合同　2024").contains("full-width space"));
            assertThat(proxy.transcript().clientCommands()).isSubsetOf(proxy.behaviour().advertisedCommands());
        }
    }

    @Test
    void warnsWhenOnlySystemFoldersAreVisible() throws Exception {
        GreenMailUser user = greenMail.setUser("wang@corp.example", "wang@corp.example", "pw");
        ExmailMailbox.create(greenMail, user);
        try (ExmailProxy proxy = ExmailProxy.builder().upstream(greenMail.getImap().getPort()).start()) {
            Account a = new Account("w", Provider.EXMAIL, "wang@corp.example", new Account.Secret("pw"),
                    new Endpoint("127.0.0.1", proxy.port(), TlsMode.NONE), null, null, List.of("INBOX"), List.of(),
                    Duration.ofMinutes(5), Duration.ofMinutes(4), true);
            assertThat(AccountProbe.probe(a, Clock.systemUTC()).warnings())
                    .anySatisfy(w -> assertThat(w).contains("收取我的文件夹"));
        }
    }

    @Test
    void failedExmailLoginNamesAllThreeCauses() {
        greenMail.setUser("zhao@corp.example", "zhao@corp.example", "right");
        try (ExmailProxy proxy = ExmailProxy.builder().upstream(greenMail.getImap().getPort()).start()) {
            assertThatThrownBy(() -> AccountProbe.probe(exmail(proxy.port(), "wrong"), Clock.systemUTC()))
                    .isInstanceOf(ImapException.class)
                    .hasMessageContaining("account work: login as li@corp.example")
                    .hasMessageContaining("client-specific password (客户端专用密码)")
                    .hasMessageContaining("IMAP/SMTP is not enabled for this member")
                    .hasMessageContaining("rate-limited");
        }
    }
}
