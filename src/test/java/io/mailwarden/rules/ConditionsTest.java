package io.mailwarden.rules;

import static io.mailwarden.rules.RuleFixture.mail;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.MailItem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every built-in condition and matcher, each against a message it must match and one it must not. */
class ConditionsTest {

    @TempDir
    Path dir;

    static final String INVOICE = mail("""
            From: =?GBK?B?1cXI/Q==?= <Billing@Mail.Vendor.example>
            To: Finance <finance@corp.example>, ops@corp.example
            Cc: "Boss, Big" <boss@corp.example>
            Reply-To: accounts@vendor.example
            Sender: robot@mailer.example
            Subject: =?UTF-8?B?5LiJ5pyI5Lu95Y+R56Wo?= Invoice 2026
            Date: Mon, 2 Mar 2026 10:15:00 +0800
            Message-ID: <inv-1@vendor.example>
            X-Priority: 1
            """, "Please pay the attached invoice, amount 12,800 元.");

    private boolean matches(String when, String raw) {
        return matches(when, new RuleFixture(dir).item(raw, "INBOX", Set.of()));
    }

    private boolean matches(String when, MailItem item) {
        RuleFixture f = new RuleFixture(dir).rules("""
                - name: r
                  when:
                """ + when.stripIndent().indent(4) + """
                  then: [flag]
                """);
        return !f.plan(item).isEmpty();
    }

    @Test
    void fromMatchesDomainAndItsSubdomainsIgnoringCase() {
        assertThat(matches("from: { domain: vendor.example }", INVOICE)).isTrue();
        assertThat(matches("from: { domain: VENDOR.example }", INVOICE)).isTrue();
        assertThat(matches("from: { domain: other.example }", INVOICE)).isFalse();
        assertThat(matches("from: { domain: endor.example }", INVOICE)).as("suffix is not a subdomain").isFalse();
    }

    @Test
    void fromShorthandSearchesAddressAndDecodedDisplayName() {
        assertThat(matches("from: 张三", INVOICE)).isTrue();
        assertThat(matches("from: billing@mail", INVOICE)).isTrue();
        assertThat(matches("from: 李四", INVOICE)).isFalse();
    }

    @Test
    void addressPartsLocalNameAndWholeAddress() {
        assertThat(matches("from: { local: billing }", INVOICE)).isTrue();
        assertThat(matches("from: { local: { starts-with: bill } }", INVOICE)).isTrue();
        assertThat(matches("from: { name: 张 }", INVOICE)).isTrue();
        assertThat(matches("from: { address: billing@mail.vendor.example }", INVOICE)).isTrue();
        assertThat(matches("from: { address: billing@vendor.example }", INVOICE)).isFalse();
        assertThat(matches("from: { glob: \"*@*.vendor.example\" }", INVOICE)).isTrue();
        assertThat(matches("from: { regex: \"^bill.*@mail\\\\.\" }", INVOICE)).isTrue();
        assertThat(matches("from: { local: billing, name: 李 }", INVOICE)).as("all parts on one address").isFalse();
    }

    @Test
    void inListTakesAddressesAndWholeDomains() {
        assertThat(matches("from: { in-list: [ceo@corp.example, vendor.example] }", INVOICE)).isTrue();
        assertThat(matches("from: { in-list: [billing@mail.vendor.example] }", INVOICE)).isTrue();
        assertThat(matches("from: { in-list: [ceo@corp.example, partner.example] }", INVOICE)).isFalse();
    }

    @Test
    void everyAddressHeaderCanBeTested() {
        assertThat(matches("to: { address: ops@corp.example }", INVOICE)).isTrue();
        assertThat(matches("cc: { name: \"Boss, Big\" }", INVOICE)).isTrue();
        assertThat(matches("reply-to: { domain: vendor.example }", INVOICE)).isTrue();
        assertThat(matches("sender: { local: robot }", INVOICE)).isTrue();
        assertThat(matches("recipient: { address: boss@corp.example }", INVOICE)).isTrue();
        assertThat(matches("bcc: { domain: corp.example }", INVOICE)).isFalse();
    }

    @Test
    void subjectMatchersAreCaseInsensitiveAndUnicodeAware() {
        assertThat(matches("subject: 发票", INVOICE)).isTrue();
        assertThat(matches("subject: INVOICE", INVOICE)).isTrue();
        assertThat(matches("subject: { contains: INVOICE, case-sensitive: true }", INVOICE)).isFalse();
        assertThat(matches("subject: { starts-with: 三月 }", INVOICE)).isTrue();
        assertThat(matches("subject: { ends-with: \"2026\" }", INVOICE)).isTrue();
        assertThat(matches("subject: { equals: \"三月份发票 invoice 2026\" }", INVOICE)).isTrue();
        assertThat(matches("subject: { glob: \"三月*2026\" }", INVOICE)).isTrue();
        assertThat(matches("subject: { regex: \"\\\\w+份\" }", INVOICE)).as("\\w covers Chinese").isTrue();
        assertThat(matches("subject: { in-list: [a, b] }", INVOICE)).isFalse();
        assertThat(matches("subject: [合同, invoice]", INVOICE)).isTrue();
    }

    @Test
    void bodyMatchesPlainTextAndHtmlReducedToText() {
        assertThat(matches("body: 12,800", INVOICE)).isTrue();
        String html = """
                From: a@b.example
                Subject: promo
                Content-Type: text/html; charset=utf-8

                <html><body><p>Big&nbsp;<b>sale</b></p><script>var hidden = 1;</script></body></html>
                """;
        assertThat(matches("body: big sale", html)).isTrue();
        assertThat(matches("body: hidden", html)).as("script text is not body text").isFalse();
    }

    @Test
    void headerPresenceAbsenceAndValue() {
        assertThat(matches("header: { name: X-Priority }", INVOICE)).isTrue();
        assertThat(matches("header: { name: x-priority, equals: \"1\" }", INVOICE)).isTrue();
        assertThat(matches("header: { name: X-Priority, equals: \"3\" }", INVOICE)).isFalse();
        assertThat(matches("header: { name: X-Mailer, exists: false }", INVOICE)).isTrue();
        assertThat(matches("header: { name: X-Mailer, exists: true }", INVOICE)).isFalse();
    }

    static final String WITH_ATTACHMENTS = """
            From: a@b.example
            Subject: docs
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="x"

            --x
            Content-Type: text/plain

            see attached
            --x
            Content-Type: application/pdf; name="=?GBK?B?1PbWtcuwt6LGsS5wZGY=?="
            Content-Disposition: attachment

            %PDF-1.4 not much
            --x
            Content-Type: text/plain; charset=utf-8
            Content-Disposition: attachment; filename="notes.txt"

            合同编号 HT-7
            --x--
            """;

    @Test
    void attachmentByNameTypeSizeAndText() {
        assertThat(matches("attachment: \"*.pdf\"", WITH_ATTACHMENTS)).isTrue();
        assertThat(matches("attachment: { name: \"增值税*\" }", WITH_ATTACHMENTS)).isTrue();
        assertThat(matches("attachment: { type: \"application/*\" }", WITH_ATTACHMENTS)).isTrue();
        assertThat(matches("attachment: { type: image/png }", WITH_ATTACHMENTS)).isFalse();
        assertThat(matches("attachment: { name: \"*.pdf\", max-size: 1KB }", WITH_ATTACHMENTS)).isTrue();
        assertThat(matches("attachment: { name: \"*.pdf\", min-size: 1MB }", WITH_ATTACHMENTS)).isFalse();
        assertThat(matches("attachment: { text-contains: 合同编号 }", WITH_ATTACHMENTS)).isTrue();
        assertThat(matches("attachment: { name: \"*.pdf\", text-contains: 合同编号 }", WITH_ATTACHMENTS))
                .as("name and text must hold for the same attachment").isFalse();
        assertThat(matches("attachment: { text: { regex: \"HT-\\\\d\" } }", WITH_ATTACHMENTS)).isTrue();
    }

    @Test
    void attachmentPresenceAndCount() {
        assertThat(matches("has-attachment: true", WITH_ATTACHMENTS)).isTrue();
        assertThat(matches("has-attachment: false", WITH_ATTACHMENTS)).isFalse();
        assertThat(matches("has-attachment: false", INVOICE)).isTrue();
        assertThat(matches("attachment-count: 2", WITH_ATTACHMENTS)).isTrue();
        assertThat(matches("attachment-count: { min: 3 }", WITH_ATTACHMENTS)).isFalse();
        assertThat(matches("attachment-count: { max: 2 }", WITH_ATTACHMENTS)).isTrue();
    }

    @Test
    void sizeBounds() {
        assertThat(matches("size: { larger-than: 100 }", INVOICE)).isTrue();
        assertThat(matches("size: { smaller-than: 100 }", INVOICE)).isFalse();
        assertThat(matches("size: { larger-than: 1KB, smaller-than: 1MB }", INVOICE)).isFalse();
    }

    @Test
    void ageUsesInternalDateThenDateHeader() {
        // Date header: 2026-03-02, NOW: 2026-03-15
        assertThat(matches("older-than: 10d", INVOICE)).isTrue();
        assertThat(matches("older-than: 2w", INVOICE)).isFalse();
        assertThat(matches("newer-than: 2w", INVOICE)).isTrue();
        MailItem fresh = new MailItem("work", "INBOX", 1, Set.of(), Set.of(), Instant.parse("2026-03-15T11:00:00Z"),
                new RuleFixture(dir).parse(INVOICE), null);
        assertThat(matches("newer-than: 2h", fresh)).as("INTERNALDATE wins over the Date header").isTrue();
        assertThat(matches("date: { after: 2026-03-01, before: 2026-03-03 }", INVOICE)).isTrue();
        assertThat(matches("date: { after: 2026-03-03 }", INVOICE)).isFalse();
    }

    @Test
    void messageWithoutAnyDateIsNeitherOlderNorNewer() {
        String undated = mail("From: a@b.example\nSubject: x", "x");
        assertThat(matches("older-than: 1d", undated)).isFalse();
        assertThat(matches("newer-than: 1d", undated)).isFalse();
    }

    @Test
    void flagsKeywordsFolderAndAccount() {
        RuleFixture f = new RuleFixture(dir);
        MailItem item = new MailItem("work", "其他文件夹/财务", 3, Set.of("seen", "flagged"), Set.of("$Invoice"), null,
                f.parse(INVOICE), null);
        assertThat(matches("flag: seen", item)).isTrue();
        assertThat(matches("flag: [seen, flagged]", item)).isTrue();
        assertThat(matches("flag: [seen, answered]", item)).isFalse();
        assertThat(matches("keyword: $invoice", item)).isTrue();
        assertThat(matches("keyword: $Junk", item)).isFalse();
        assertThat(matches("folder: \"其他文件夹/*\"", item)).isTrue();
        assertThat(matches("folder: INBOX", item)).isFalse();
        assertThat(matches("account: \"w*\"", item)).isTrue();
        assertThat(matches("account: home", item)).isFalse();
    }

    @Test
    void listBulkAutoSubmittedAndSpamTraits() {
        String list = mail("From: a@lists.example\nSubject: x\nList-Unsubscribe: <mailto:u@lists.example>", "x");
        String bulk = mail("From: a@b.example\nSubject: x\nPrecedence: bulk", "x");
        String auto = mail("From: a@b.example\nSubject: x\nAuto-Submitted: auto-generated", "x");
        String human = mail("From: a@b.example\nSubject: x\nAuto-Submitted: no", "x");
        String spam = mail("From: a@b.example\nSubject: x\nX-Spam-Status: Yes, score=9", "x");
        assertThat(matches("list-mail", list)).isTrue();
        assertThat(matches("list-mail: false", list)).isFalse();
        assertThat(matches("bulk", bulk)).isTrue();
        assertThat(matches("bulk", list)).isFalse();
        assertThat(matches("auto-submitted", auto)).isTrue();
        assertThat(matches("auto-submitted", human)).as("Auto-Submitted: no is a person").isFalse();
        assertThat(matches("spam", spam)).isTrue();
        assertThat(matches("spam", human)).isFalse();
    }

    @Test
    void pathologicalRegexGivesUpInsteadOfHanging() {
        String evil = mail("From: a@b.example\nSubject: " + "a".repeat(40) + "!", "x");
        assertThat(matches("subject: { regex: \"^(a+)+$\" }", evil)).isFalse();
    }
}
