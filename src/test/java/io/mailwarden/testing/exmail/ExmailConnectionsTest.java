package io.mailwarden.testing.exmail;

import static io.mailwarden.testing.exmail.ExmailFixture.PASSWORD;
import static io.mailwarden.testing.exmail.ExmailFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.net.ConnectException;
import java.time.Duration;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExmailConnectionsTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @BeforeEach
    void account() {
        ExmailMailbox.create(greenMail, ExmailFixture.account(greenMail));
    }

    @Test
    void dropAllClosesEveryConnectionAtOnce() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap first = new RawImap(proxy.port());
             RawImap second = new RawImap(proxy.port())) {
            first.login(USER, PASSWORD);
            IMAPStore store = ExmailFixture.connect(proxy);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertThat(proxy.openConnections()).isEqualTo(3);

            proxy.dropAll();

            assertThat(first.closedByPeer()).isTrue();
            assertThat(second.closedByPeer()).isTrue();
            assertThatThrownBy(() -> ((IMAPFolder) inbox).doCommand(protocol -> {
                protocol.noop();
                return null;
            })).isInstanceOf(MessagingException.class);
            assertThat(proxy.openConnections()).isZero();
            try (RawImap again = new RawImap(proxy.port())) {
                assertThat(again.login(USER, PASSWORD)).last().asString().contains("OK");
            }
        }
    }

    @Test
    void pausedProxyRefusesConnectionsUntilResumed() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap open = new RawImap(proxy.port())) {
            proxy.pause();
            assertThatThrownBy(() -> new RawImap(proxy.port())).isInstanceOf(ConnectException.class);
            assertThat(open.login(USER, PASSWORD)).as("open connections live on").last().asString().contains("OK");

            proxy.resume();
            try (RawImap again = new RawImap(proxy.port())) {
                assertThat(again.greeting()).contains("QQMail");
            }
        }
    }

    @Test
    void pausedProxyCanAcceptAndCloseAtOnce() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start()) {
            proxy.pause(ExmailProxy.PauseMode.CLOSE_ON_ACCEPT);
            try (RawImap refused = new RawImap(proxy.port())) {
                assertThat(refused.greeting()).isNull();
            }
            assertThatThrownBy(() -> ExmailFixture.connect(proxy)).isInstanceOf(MessagingException.class);
            proxy.resume();
            ExmailFixture.connect(proxy).close();
        }
    }

    @Test
    void loginsBeyondTheBudgetGetExmailsLoginFailText() throws Exception {
        Duration window = Duration.ofMillis(800);
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).loginThrottle(2, window).start()) {
            for (int i = 0; i < 2; i++) {
                try (RawImap imap = new RawImap(proxy.port())) {
                    assertThat(imap.login(USER, PASSWORD)).last().asString().startsWith("t1 OK");
                }
            }
            try (RawImap imap = new RawImap(proxy.port())) {
                assertThat(imap.login(USER, PASSWORD)).containsExactly("t1 NO Login fail. Account is abnormal,"
                        + " service is not open, password is incorrect, login frequency limited, or system is busy.");
            }
            assertThat(proxy.transcript().notes()).contains("throttled: LOGIN");
            Thread.sleep(window.toMillis() + 100);
            try (RawImap imap = new RawImap(proxy.port())) {
                assertThat(imap.login(USER, PASSWORD)).as("after the window").last().asString().startsWith("t1 OK");
            }
        }
    }

    @Test
    void angusSeesAThrottledLoginAsAnAuthenticationFailure() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).loginThrottle(1, Duration.ofMinutes(1)).start()) {
            ExmailFixture.connect(proxy).close();
            assertThatThrownBy(() -> ExmailFixture.connect(proxy))
                    .isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("login frequency limited");
        }
    }

    @Test
    void wrongPasswordIsReportedByTheServerAsUsual() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap imap = new RawImap(proxy.port())) {
            assertThat(imap.login(USER, "wrong")).last().asString().startsWith("t1 NO");
            assertThat(imap.command("CAPABILITY").get(0)).as("still not logged in")
                    .isEqualTo("* CAPABILITY " + ExmailBehaviour.GREETING_CAPABILITIES);
        }
    }
}
