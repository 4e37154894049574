package io.mailwarden.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.account.Provider;
import io.mailwarden.cli.RunCommandAccess;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A very large message, and a refused login at start. */
class DaemonLargeAndLoginTest {

    @RegisterExtension
    final DaemonHarness h = new DaemonHarness();

    @Test
    void aFiftyMegabyteMessageIsHandled() throws Exception {
        h.rules("""
                rules:
                  - name: big
                    when: { size: { larger-than: 40MB }, attachment: "*.bin" }
                    then: [{ move: Big }]
                """);
        h.start();
        h.awaitWatching();
        MimeMessage m = DaemonHarness.message("Scan archive", "see attachment");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("see attachment");
        MimeBodyPart blob = new MimeBodyPart();
        byte[] bytes = new byte[38 * 1024 * 1024]; // base64 makes it over 50 MB on the wire
        Arrays.fill(bytes, (byte) 'x');
        blob.setContent(bytes, "application/octet-stream");
        blob.setFileName("scan.bin");
        m.setContent(new MimeMultipart(text, blob));
        m.saveChanges();
        h.deliver(m);
        h.awaitHandled(1, Duration.ofMinutes(2)); // 50 MB through GreenMail, the fetch and the parser on a busy machine
        assertThat(h.subjects("Big")).containsExactly("Scan archive");
    }

    @Test
    void refusedExmailLoginStopsTheStartWithOneLineNamingTheAccountAndTheCauses() throws Exception {
        h.provider(Provider.EXMAIL).password("not-the-client-specific-password").proxy(b -> b);
        h.exmailLayout();
        List<String> problems = RunCommandAccess.reachability(List.of(h.account()));
        assertThat(problems).singleElement().asString()
                .startsWith("mailwarden.accounts.acme.imap: account acme: login as " + DaemonHarness.USER)
                .contains("客户端专用密码", "IMAP/SMTP is not enabled", "rate-limited");
    }
}
