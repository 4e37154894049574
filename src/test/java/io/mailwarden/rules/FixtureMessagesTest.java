package io.mailwarden.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.MailItem;
import io.mailwarden.message.parse.MessageParser;
import io.mailwarden.plan.Plan;
import io.mailwarden.rules.engine.RuleEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules over the raw fixture messages of real-world Chinese mail: a rule written in Chinese matches
 * however the message spelled it (mislabelled GB2312, unlabelled Big5, raw 8-bit headers, split
 * encoded-words, GBK and RFC 2231 file names, forwarded mail, attachment text in GBK).
 */
class FixtureMessagesTest {

    @TempDir
    Path dir;

    RuleSet rules;

    @BeforeEach
    void rules() {
        rules = new RuleFixture(dir).rules("""
                - name: gbk-only-characters
                  when: { subject: 王堃, from: { name: 堃 } }
                  then: [{ add-keyword: GbkLabel }]
                - name: traditional-meeting
                  when: { body: 會議時間 }
                  then: [{ add-keyword: Big5 }]
                - name: raw-8bit-sender
                  when: { from: { name: 财务部 }, subject: 报销 }
                  then: [{ add-keyword: Raw8bit }]
                - name: split-word
                  when: { subject: { equals: 发票已开具 } }
                  then: [{ add-keyword: Split }]
                - name: chinese-file-names
                  when:
                    all:
                      - attachment: "增值税*.pdf"
                      - attachment: "合同.docx"
                      - attachment: "三月对账单.xlsx"
                  then: [{ add-keyword: Names }]
                - name: forwarded-quote
                  when: { attachment: { type: message/rfc822, text-contains: 每吨三千元 } }
                  then: [{ add-keyword: Forwarded }]
                - name: gbk-attachment-text
                  when: { attachment: { name: "*.txt", text-contains: 预算已批准 } }
                  then: [{ add-keyword: GbkText }]
                """).loaded();
    }

    private Plan plan(String fixture) throws IOException {
        byte[] raw = Files.readAllBytes(Path.of("src/test/resources/messages", fixture));
        MailItem item = MailItem.fromFile("work", "INBOX", new MessageParser().parse(raw), null);
        return new RuleEngine().evaluate(rules, item, RuleFixture.NOW);
    }

    @Test
    void chineseRulesMatchHoweverTheMessageEncodedTheText() throws IOException {
        assertThat(plan("gb2312-label-gbk-chars.eml").matchedRules()).containsExactly("gbk-only-characters");
        assertThat(plan("big5-no-label.eml").matchedRules()).containsExactly("traditional-meeting");
        assertThat(plan("raw-8bit-gbk-headers.eml").matchedRules()).containsExactly("raw-8bit-sender");
        assertThat(plan("split-word-gbk-q.eml").matchedRules()).containsExactly("split-word");
        assertThat(plan("attachment-filenames.eml").matchedRules()).containsExactly("chinese-file-names");
        assertThat(plan("forwarded-rfc822.eml").matchedRules()).containsExactly("forwarded-quote");
        assertThat(plan("text-attachments.eml").matchedRules()).containsExactly("gbk-attachment-text");
    }

    @Test
    void brokenMessagesAreStillEvaluatedOnWhatCouldBeRead() throws IOException {
        rules = new RuleFixture(dir).rules("""
                - name: anything
                  when: always
                  then: [flag]
                """).loaded();
        for (String broken : new String[] {"garbage.eml", "no-headers.eml", "wrong-boundary.eml", "truncated-base64.eml",
            "nested-30.eml", "missing-boundary.eml", "missing-id-bad-date.eml"}) {
            assertThat(plan(broken).matchedRules()).as(broken).containsExactly("anything");
        }
    }
}
