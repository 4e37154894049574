package io.mailwarden.imap;

import static io.mailwarden.daemon.DaemonHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.daemon.DaemonHarness;
import io.mailwarden.testing.exmail.Transcript;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The daemon through the Exmail proxy: the rules in force decide whether bodies are fetched, on arrival and on schedule. */
class FetchModeDaemonTest {

    @RegisterExtension
    final DaemonHarness h = new DaemonHarness();

    @Test
    void headerRulesProcessMailWithoutAnyBodyFetchAndLeaveItUnseen() throws Exception {
        h.exmailLayout().proxy(b -> b).rules("""
                rules:
                  - name: invoices
                    when: { from: { domain: corp.example.cn }, subject: 发票 }
                    then: [flag, { move: 财务 }]
                """).start();
        h.deliver(fixture("attachment-filenames.eml")); // subject 发票和合同, three attachments
        h.awaitHandled(1);

        assertThat(h.find("其他文件夹/财务", "发票和合同")).hasValueSatisfying(m -> {
            assertThat(m.has(Flags.Flag.FLAGGED)).isTrue();
            assertThat(m.has(Flags.Flag.SEEN)).isFalse();
        });
        assertNoBodyFetch(h.proxy().transcript());
    }

    @Test
    void attachmentConditionsMatchChineseFileNamesFromStructureAlone() throws Exception {
        h.exmailLayout().proxy(b -> b).rules("""
                rules:
                  - name: gbk-encoded-word
                    when: { attachment: { name: "*发票.pdf", type: application/pdf } }
                    then: [{ add-keyword: $Invoice }]
                  - name: rfc2231
                    when: { attachment: 合同.docx }
                    then: [flag]
                  - name: rfc2231-continuations
                    when: { attachment: "三月*.xlsx" }
                    then: [{ move: 对账 }]
                """).start();
        h.deliver(fixture("attachment-filenames.eml"));
        h.awaitHandled(1);

        assertThat(h.find("其他文件夹/对账", "发票和合同")).hasValueSatisfying(m -> {
            assertThat(m.has("$Invoice")).isTrue();
            assertThat(m.has(Flags.Flag.FLAGGED)).isTrue();
            assertThat(m.has(Flags.Flag.SEEN)).isFalse();
        });
        assertNoBodyFetch(h.proxy().transcript());
    }

    @Test
    void aBodyRuleGetsTheBodyAndAHotReloadSwitchesTheFetchMode() throws Exception {
        h.proxy(b -> b).rules("""
                rules:
                  - name: by-subject
                    when: { subject: alpha }
                    then: [flag]
                """).start();
        h.deliver("alpha one");
        h.awaitHandled(1);
        assertNoBodyFetch(h.proxy().transcript());

        h.rules("""
                rules:
                  - name: by-body
                    when: { body: secret }
                    then: [flag]
                """);
        await("the body rule is in force", () -> h.daemon().rules().current().rules().stream()
                .anyMatch(r -> r.name().equals("by-body")));
        h.proxy().transcript().clear();
        h.deliver(DaemonHarness.message("beta two", "the secret word"));
        h.awaitHandled(2);

        assertThat(FetchWire.bodyFetches(h.proxy().transcript())).singleElement()
                .satisfies(l -> assertThat(l).contains("BODY.PEEK[]"));
        assertThat(h.find("INBOX", "beta two")).hasValueSatisfying(m -> {
            assertThat(m.has(Flags.Flag.FLAGGED)).as("the body was read").isTrue();
            assertThat(m.has(Flags.Flag.SEEN)).isFalse();
        });
    }

    @Test
    void scheduledRunsFetchBodiesOnlyForRulesThatReadThem() throws Exception {
        h.deliver("report one");
        h.deliver(DaemonHarness.message("memo two", "contains the secret"));
        h.proxy(b -> b).rules("""
                rules:
                  - name: reports
                    schedule: "* * * * * ?"
                    when: { subject: report }
                    then: [{ move: Reports }]
                """).start();
        await("the scheduled run moves the report", () -> h.holds("Reports", "report one"));
        assertNoBodyFetch(h.proxy().transcript());

        h.rules("""
                rules:
                  - name: secrets
                    schedule: "* * * * * ?"
                    when: { body: secret }
                    then: [flag]
                """);
        await("the body rule's run flags the memo", () -> flagged("memo two"));
        assertThat(FetchWire.bodyFetches(h.proxy().transcript())).isNotEmpty()
                .allSatisfy(l -> assertThat(l).contains("BODY.PEEK[]"));
        assertThat(h.find("INBOX", "memo two").orElseThrow().has(Flags.Flag.SEEN)).isFalse();
    }

    private boolean flagged(String subject) {
        try {
            return h.find("INBOX", subject).map(m -> m.has(Flags.Flag.FLAGGED)).orElse(false);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }

    private static void assertNoBodyFetch(Transcript t) {
        assertThat(FetchWire.bodyFetches(t)).as(t.dump()).isEmpty();
        assertThat(FetchWire.fetches(t)).as(t.dump()).noneMatch(l -> l.contains("ENVELOPE"));
    }

    private static MimeMessage fixture(String name) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(HeaderFetchTest.raw(name)));
    }
}
