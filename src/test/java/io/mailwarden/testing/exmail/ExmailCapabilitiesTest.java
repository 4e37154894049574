package io.mailwarden.testing.exmail;

import static io.mailwarden.testing.exmail.ExmailFixture.PASSWORD;
import static io.mailwarden.testing.exmail.ExmailFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExmailCapabilitiesTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @BeforeEach
    void account() {
        ExmailFixture.account(greenMail);
    }

    @Test
    void greetingIsQqsWithoutTrailingSpace() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap imap = new RawImap(proxy.port())) {
            assertThat(imap.greeting()).isEqualTo(
                    "* OK [CAPABILITY IMAP4 IMAP4rev1 ID AUTH=PLAIN AUTH=LOGIN NAMESPACE] QQMail XMIMAP4Server ready");
            assertThat(imap.command("CAPABILITY")).first().isEqualTo(
                    "* CAPABILITY IMAP4 IMAP4rev1 ID AUTH=PLAIN AUTH=LOGIN NAMESPACE");
        }
    }

    @Test
    void capabilityHasExmailTrailingSpace() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap imap = new RawImap(proxy.port())) {
            List<String> login = imap.login(USER, PASSWORD);
            assertThat(login).last().asString().startsWith("t1 OK");
            List<String> capability = imap.command("CAPABILITY");
            assertThat(capability.get(0))
                    .isEqualTo("* CAPABILITY IMAP4rev1 ID IDLE MOVE UIDPLUS XLIST NAMESPACE CHILDREN ");
            assertThat(capability).last().asString().startsWith("t2 OK");
            assertThat(String.join("\n", login)).doesNotContain("SORT", "LITERAL+", "SASL-IR", "XOAUTH2");
        }
    }

    @Test
    void angusLogsInWithSaslPlainAndSeesOnlyExmailCapabilities() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start()) {
            IMAPStore store = ExmailFixture.connect(proxy);
            try {
                assertThat(store.hasCapability("IDLE")).isTrue();
                assertThat(store.hasCapability("MOVE")).isTrue();
                assertThat(store.hasCapability("XLIST")).isTrue();
                assertThat(store.hasCapability("LITERAL+")).isFalse();
                assertThat(store.hasCapability("SORT")).isFalse();
                assertThat(store.hasCapability("CONDSTORE")).isFalse();
                assertThat(store.getDefaultFolder().getSeparator()).isEqualTo('/');
            } finally {
                store.close();
            }
            assertThat(proxy.transcript().clientCommands()).contains("AUTHENTICATE");
            assertThat(proxy.transcript().clientCommands()).isSubsetOf(proxy.behaviour().advertisedCommands());
        }
    }

    @Test
    void capabilitiesFollowTheMoveUidplusAndIdleSwitches() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).move(false).uidplus(false).idle(false).start();
             RawImap imap = new RawImap(proxy.port())) {
            imap.login(USER, PASSWORD);
            assertThat(imap.command("CAPABILITY").get(0))
                    .isEqualTo("* CAPABILITY IMAP4rev1 ID XLIST NAMESPACE CHILDREN ");
        }
    }

    @Test
    void capabilitiesCanBeLeftAsGreenMailsOwn() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).exmailCapabilities(false).start();
             RawImap imap = new RawImap(proxy.port())) {
            assertThat(imap.greeting()).doesNotContain("QQMail");
            assertThat(imap.command("CAPABILITY").get(0)).contains("SORT").doesNotEndWith(" ");
        }
    }

    @Test
    void idAndNamespaceAreAnsweredLikeExmail() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap imap = new RawImap(proxy.port())) {
            imap.login(USER, PASSWORD);
            assertThat(imap.command("ID (\"name\" \"mailwarden\")")).containsExactly("* ID NIL", "t2 OK ID completed");
            assertThat(imap.command("NAMESPACE")).first().isEqualTo("* NAMESPACE ((\"\" \"/\")) NIL NIL");
        }
    }

    @Test
    void saslLoginMechanismIsBridgedToo() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap imap = new RawImap(proxy.port())) {
            String tag = imap.send("AUTHENTICATE LOGIN");
            assertThat(imap.readLine()).isEqualTo("+ VXNlcm5hbWU6");
            imap.sendRaw(base64(USER));
            assertThat(imap.readLine()).isEqualTo("+ UGFzc3dvcmQ6");
            imap.sendRaw(base64(PASSWORD));
            assertThat(imap.readUntilTagged(tag)).last().asString().startsWith(tag + " OK");
            assertThat(imap.command("CAPABILITY").get(0)).endsWith("CHILDREN ");
        }
    }

    private static String base64(String text) {
        return java.util.Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
