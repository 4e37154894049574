package io.mailwarden.outbound;

import static io.mailwarden.daemon.DaemonHarness.USER;
import static io.mailwarden.daemon.DaemonHarness.await;
import static io.mailwarden.daemon.DaemonHarness.pause;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.daemon.DaemonHarness;
import io.mailwarden.state.AuditEntry;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real daemon: mail arrives by IMAP, a rule answers or forwards it, GreenMail's SMTP receives the result. */
class AutoReplyDaemonTest {

    private static final String CUSTOMER = "li.si@vendor.example";
    private static final String REPLY_RULE = """
            rules:
              - name: ack
                when: always
                then:
                  - reply:
                      subject: "Re: ${subject}"
                      body: "${from.name}，您好：我们已收到「${subject}」。"
                      seconds: %d
            """;

    @RegisterExtension
    final DaemonHarness h = new DaemonHarness();

    /** A message from {@code from} to the harness account; extra header lines ("Name: value") are added. */
    private static MimeMessage mail(String from, String messageId, String subject, String... headers)
            throws MessagingException, java.io.UnsupportedEncodingException {
        MimeMessage m = DaemonHarness.message(messageId, subject, "Hello");
        int lt = from.indexOf('<');
        m.setFrom(lt < 0 ? new InternetAddress(from)
                : new InternetAddress(from.substring(lt + 1, from.length() - 1), from.substring(0, lt).strip(), "UTF-8"));
        for (String header : headers) {
            String[] nv = header.split(":", 2);
            m.setHeader(nv[0].strip(), nv[1].strip());
        }
        m.saveChanges();
        if (messageId != null) {
            m.setHeader("Message-ID", messageId);
        }
        return m;
    }

    /** Delivered as an SMTP server delivers: GreenMail adds Return-Path from the envelope sender. */
    private void sendBySmtp(MimeMessage m, String to) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(h.smtpPort()));
        Session session = Session.getInstance(p);
        try (Transport t = session.getTransport("smtp")) { // not Transport.send: it would replace the Message-ID
            t.connect();
            t.sendMessage(new MimeMessage(session, toStream(m)), new InternetAddress[] {new InternetAddress(to)});
        }
    }

    private static java.io.InputStream toStream(MimeMessage m) throws MessagingException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out);
            return new java.io.ByteArrayInputStream(out.toByteArray());
        } catch (java.io.IOException e) {
            throw new MessagingException(e.getMessage(), e);
        }
    }

    /** The automatic mail GreenMail received (what mailwarden sent), oldest first. */
    private List<MimeMessage> sent(DaemonHarness server) {
        return server.smtpReceived().stream().filter(m -> header(m, "X-Mailwarden-Loop") != null).toList();
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ", ");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String outcome(DaemonHarness h, long uid, String actionPrefix) {
        return h.audit(uid).stream().filter(e -> e.action().startsWith(actionPrefix)).map(e -> e.outcome() + " " + e.detail())
                .findFirst().orElse("none");
    }

    @Test
    void arrivalIsAnsweredWithARealReplyThroughSmtp() throws Exception {
        h.rules(REPLY_RULE.formatted(60)).start();
        MimeMessage original = mail("李四 <" + CUSTOMER + ">", "<q1@vendor.example>", "回复: 关于合同的问题",
                "References: <q0@example.cn>");
        sendBySmtp(original, USER);
        await("the reply is sent", () -> sent(h).size() == 1);

        MimeMessage reply = sent(h).get(0);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        reply.writeTo(raw);
        String head = raw.toString(StandardCharsets.US_ASCII).split("\r\n\r\n", 2)[0] + "\r\n";
        assertThat(head).contains("\r\nIn-Reply-To: <q1@vendor.example>\r\n", "\r\nReferences: <q0@example.cn> <q1@vendor.example>\r\n",
                "\r\nFrom: " + USER + "\r\n", "\r\nAuto-Submitted: auto-replied\r\n", "\r\nX-Mailwarden-Loop: " + USER + "\r\n",
                "\r\nSubject: =?UTF-8?");
        assertThat(MimeUtility.decodeText(header(reply, "To"))).isEqualTo("李四 <" + CUSTOMER + ">");
        assertThat(reply.getSubject()).isEqualTo("Re: 关于合同的问题");
        assertThat(reply.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(reply.getContent()).isEqualTo("李四，您好：我们已收到「回复: 关于合同的问题」。");
        assertThat(reply.getRecipients(Message.RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly(CUSTOMER);
        await("the sending is audited", () -> outcome(h, 1, "send reply").startsWith("SENT"));
        assertThat(outcome(h, 1, "reply")).startsWith("DONE reply to " + CUSTOMER + " queued as #1");
    }

    @Test
    void aCopyOfWhatWasSentGoesToTheConfiguredSentFolderMarkedRead() throws Exception {
        h.rules(REPLY_RULE.formatted(60)).sentFolder("Sent Messages").start();
        h.deliver(mail(CUSTOMER, null, "Copy please", "Return-Path: <" + CUSTOMER + ">"));
        await("the copy is in the sent folder", () -> h.holds("Sent Messages", "Re: Copy please"));
        assertThat(h.find("Sent Messages", "Re: Copy please").orElseThrow().has(jakarta.mail.Flags.Flag.SEEN)).isTrue();
        assertThat(h.subjects("Sent Messages")).containsExactly("Re: Copy please");
    }

    @Test
    void neverAnswersListsBulkRobotsNullSendersOrItselfAndCountsWhy() throws Exception {
        h.rules(REPLY_RULE.formatted(60)).start();
        String rp = "Return-Path: <someone@vendor.example>";
        h.deliver(mail("news@vendor.example", null, "Newsletter", rp, "List-Id: <news.vendor.example>"));
        h.deliver(mail("promo@vendor.example", null, "Sale", rp, "Precedence: bulk"));
        h.deliver(mail("robot@vendor.example", null, "Out of office", rp, "Auto-Submitted: auto-replied"));
        h.deliver(mail("MAILER-DAEMON@vendor.example", null, "Undeliverable", "Return-Path: <>"));
        h.deliver(mail("noreply@vendor.example", null, "Your order", rp));
        h.deliver(mail(USER, null, "Note to self", "Return-Path: <" + USER + ">"));
        h.deliver(mail(CUSTOMER, null, "Appended, never delivered by SMTP"));
        h.deliver(mail(CUSTOMER, null, "A real question", "Return-Path: <" + CUSTOMER + ">"));
        h.awaitHandled(8);
        await("the one reply is sent", () -> sent(h).size() == 1);
        pause(Duration.ofMillis(300));

        assertThat(sent(h)).singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo("Re: A real question"));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7)).map(uid -> outcome(h, uid, "reply")).containsExactly(
                "SKIPPED not sent: list-mail: List-Id header",
                "SKIPPED not sent: precedence: Precedence: bulk",
                "SKIPPED not sent: auto-submitted: Auto-Submitted: auto-replied",
                "SKIPPED not sent: null-sender: Return-Path: <>",
                "SKIPPED not sent: robot-sender: noreply@vendor.example",
                "SKIPPED not sent: own-address: " + USER,
                "SKIPPED not sent: null-sender: no Return-Path (not delivered by SMTP)");
        assertThat(h.daemon().outbound().suppressed()).containsEntry(Suppression.Reason.NULL_SENDER, 2L)
                .containsEntry(Suppression.Reason.LIST_MAIL, 1L);
    }

    @Test
    void aSenderIsAnsweredOncePerPeriodEvenAcrossARestart() throws Exception {
        h.rules(REPLY_RULE.formatted(3600)).start();
        String rp = "Return-Path: <" + CUSTOMER + ">";
        h.deliver(mail(CUSTOMER, null, "First", rp));
        h.deliver(mail(CUSTOMER, null, "Second", rp));
        h.awaitHandled(2);
        await("the first is answered", () -> sent(h).size() == 1);
        // stopping between the server's acceptance and the record would send it again after the restart
        await("the answer is recorded", () -> outcome(h, 1, "send reply").startsWith("SENT"));
        h.stop();
        h.start();
        h.deliver(mail(CUSTOMER, null, "Third, after the restart", rp));
        h.awaitHandled(3);
        pause(Duration.ofMillis(300));
        assertThat(sent(h)).singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo("Re: First"));
        assertThat(outcome(h, 2, "reply")).startsWith("SKIPPED not sent: answered-recently: " + CUSTOMER);
        assertThat(outcome(h, 3, "reply")).startsWith("SKIPPED not sent: answered-recently: " + CUSTOMER);
    }

    @Test
    void twoInstancesAnsweringEachOtherSendOneReplyEach() throws Exception {
        try (DaemonHarness other = new DaemonHarness(h, "vendor", CUSTOMER)) {
            h.rules(REPLY_RULE.formatted(1));
            other.rules(REPLY_RULE.formatted(1));
            h.start();
            other.start();
            sendBySmtp(mail(CUSTOMER, "<hello@vendor.example>", "Hello from a human"), USER);
            await("the first instance answers", () -> sent(h).size() == 1);
            other.awaitHandled(1);
            pause(Duration.ofSeconds(2)); // longer than both rules' period: the robots could go on, and must not
            assertThat(sent(h)).hasSize(1);
            assertThat(outcome(other, 1, "reply")).startsWith("SKIPPED not sent: loop: X-Mailwarden-Loop: " + USER);
            assertThat(other.audit()).extracting(AuditEntry::uid).containsOnly(1L);
        }
    }

    @Test
    void forwardsNeverPingPongBetweenInstancesAndCarryTheOriginal() throws Exception {
        try (DaemonHarness other = new DaemonHarness(h, "vendor", CUSTOMER)) {
            h.rules("""
                    rules:
                      - name: to-vendor
                        when: always
                        then: [{ forward: { to: [%s], as: attachment } }]
                    """.formatted(CUSTOMER));
            other.rules("""
                    rules:
                      - name: back
                        when: always
                        then: [{ forward: { to: [%s], as: inline } }]
                    """.formatted(USER));
            h.start();
            other.start();
            h.deliver(mail("wang@corp.example", "<orig@corp.example>", "季度报表"));
            await("the forward is sent", () -> sent(h).size() == 1);
            other.awaitHandled(1);
            pause(Duration.ofMillis(500));
            assertThat(sent(h)).hasSize(1);
            MimeMessage fwd = sent(h).get(0);
            assertThat(fwd.getSubject()).isEqualTo("Fwd: 季度报表");
            assertThat(header(fwd, "Auto-Submitted")).isEqualTo("auto-generated");
            MimeMessage attached = (MimeMessage) ((Multipart) fwd.getContent()).getBodyPart(1).getContent();
            assertThat(attached.getMessageID()).isEqualTo("<orig@corp.example>");
            assertThat(outcome(other, 1, "forward")).startsWith("SKIPPED not sent: loop: X-Mailwarden-Loop: " + USER);
        }
    }
}
