package io.mailwarden.testing.exmail;

import static io.mailwarden.testing.exmail.ExmailFixture.PASSWORD;
import static io.mailwarden.testing.exmail.ExmailFixture.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailwarden.testing.exmail.ExmailBehaviour.IdleCut;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import java.time.Duration;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExmailIdleAndPushTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private static final Duration CUT = Duration.ofMillis(1500);

    private ExmailMailbox mailbox;

    @BeforeEach
    void account() {
        mailbox = ExmailMailbox.create(greenMail, ExmailFixture.account(greenMail));
    }

    private static RawImap selected(ExmailProxy proxy, String folder) throws Exception {
        RawImap imap = new RawImap(proxy.port());
        imap.login(USER, PASSWORD);
        imap.command("SELECT " + folder);
        return imap;
    }

    @Test
    void idleIsCutAfterTheConfiguredTime() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).idleCut(CUT, IdleCut.SILENT_CLOSE).start();
             RawImap imap = selected(proxy, "INBOX")) {
            long start = System.nanoTime();
            imap.send("IDLE");
            assertThat(imap.readLine()).startsWith("+");
            assertThat(imap.readLine()).as("nothing, then end of stream").isNull();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(CUT, CUT.plusSeconds(2));
            assertThat(proxy.transcript().notes()).anySatisfy(n -> assertThat(n).startsWith("IDLE cut"));
        }
    }

    @Test
    void angusIdleEndsWhenTheProxyCutsIt() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).idleCut(CUT, IdleCut.SILENT_CLOSE).start()) {
            IMAPStore store = ExmailFixture.connect(proxy);
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            long start = System.nanoTime();
            Throwable ended = catchThrowable(inbox::idle);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(CUT, CUT.plusSeconds(3));
            assertThat(ended).as("how Angus reports the cut").isInstanceOf(FolderClosedException.class);
            assertThat(inbox.isOpen()).isFalse();
            store.close();
        }
    }

    @Test
    void idleCutCanSayByeFirst() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).idleCut(CUT, IdleCut.BYE_THEN_CLOSE).start();
             RawImap imap = selected(proxy, "INBOX")) {
            imap.send("IDLE");
            assertThat(imap.readLine()).startsWith("+");
            assertThat(imap.readLine()).startsWith("* BYE");
            assertThat(imap.readLine()).isNull();
        }
    }

    @Test
    void idleEndedInTimeKeepsTheConnection() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).idleCut(Duration.ofMillis(600), IdleCut.SILENT_CLOSE).start();
             RawImap imap = selected(proxy, "INBOX")) {
            String tag = imap.send("IDLE");
            assertThat(imap.readLine()).startsWith("+");
            imap.sendRaw("DONE");
            assertThat(imap.readUntilTagged(tag)).last().asString().startsWith(tag + " OK");
            Thread.sleep(900);
            assertThat(imap.command("NOOP")).last().asString().contains("OK");
        }
    }

    @Test
    void idleIsRelayedAndPushesNewMail() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap imap = selected(proxy, "INBOX")) {
            imap.send("IDLE");
            assertThat(imap.readLine()).startsWith("+");
            mailbox.deliver("INBOX", ExmailFixture.message("新邮件", "正文"));
            assertThat(imap.readLine()).isEqualTo("* 1 EXISTS");
        }
    }

    @Test
    void newMailIsPushedOnlyToTheLatestSelectingConnection() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).start();
             RawImap first = selected(proxy, "INBOX");
             RawImap latest = selected(proxy, "INBOX");
             RawImap elsewhere = selected(proxy, "Junk")) {
            mailbox.deliver("INBOX", ExmailFixture.message("一", "1"));
            assertThat(latest.command("NOOP")).contains("* 1 EXISTS");
            assertThat(first.command("NOOP")).noneMatch(l -> l.endsWith("EXISTS") || l.endsWith("RECENT"));
            assertThat(elsewhere.command("NOOP")).hasSize(1);
            assertThat(proxy.transcript().notes()).anySatisfy(n -> assertThat(n).isEqualTo("suppressed: * 1 EXISTS"));

            first.command("EXAMINE INBOX");   // selecting again makes it the latest
            mailbox.deliver("INBOX", ExmailFixture.message("二", "2"));
            assertThat(first.command("NOOP")).contains("* 2 EXISTS");
            List<String> silent = latest.command("NOOP");
            assertThat(silent).noneMatch(l -> l.endsWith("EXISTS"));
        }
    }

    @Test
    void pushesCanReachEveryConnection() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).pushOnlyToLatestSelector(false).start();
             RawImap first = selected(proxy, "INBOX");
             RawImap second = selected(proxy, "INBOX")) {
            mailbox.deliver("INBOX", ExmailFixture.message("一", "1"));
            assertThat(first.command("NOOP")).contains("* 1 EXISTS");
            assertThat(second.command("NOOP")).contains("* 1 EXISTS");
        }
    }

    @Test
    void idleDropsTheConnectionWhenIdleIsNotAdvertised() throws Exception {
        try (ExmailProxy proxy = ExmailFixture.proxyFor(greenMail).idle(false).start();
             RawImap imap = selected(proxy, "INBOX")) {
            imap.send("IDLE");
            assertThat(imap.closedByPeer()).isTrue();
        }
    }
}
