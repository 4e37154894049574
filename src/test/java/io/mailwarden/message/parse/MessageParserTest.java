package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.Address;
import io.mailwarden.message.Message;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class MessageParserTest {

    @Test
    void readsPlainEnglishMessage() {
        Message m = Fixtures.parse("plain-english.eml");

        assertThat(m.subject()).isEqualTo("Quarterly report");
        assertThat(m.from()).containsExactly(new Address("alice@example.com", "Alice Example"));
        assertThat(m.to()).containsExactly(new Address("bob@example.org", "Bob"));
        assertThat(m.date()).isEqualTo(OffsetDateTime.parse("2024-03-04T09:30:00-05:00"));
        assertThat(m.messageId()).isEqualTo("<plain-1@example.com>");
        assertThat(m.text()).isEqualTo(
                "Hi Bob,\n\nThe quarterly report is attached to the shared drive.\n\nRegards,\nAlice");
        assertThat(m.attachments()).isEmpty();
        assertThat(m.problems()).isEmpty();
        assertThat(m.size()).isEqualTo(Fixtures.bytes("plain-english.eml").length);
        assertThat(m.headers().first("return-path")).isEqualTo("<alice@example.com>");
    }

    @Test
    void prefersPlainPartOfAlternative() {
        Message m = Fixtures.parse("alternative-text-html.eml");

        assertThat(m.text()).isEqualTo("Spring sale: 20% off \u2014 this week only.");
        assertThat(m.attachments()).isEmpty();
    }

    @Test
    void reducesHtmlOnlyBodyToText() {
        Message m = Fixtures.parse("html-only.eml");

        assertThat(m.text()).isEqualTo("""
                Invoice #2024-031
                Dear customer,
                your invoice is ready & waiting.
                Total \u00a51,280.00
                Questions? Write to <support@vendor.example> \u2014 or call 555.""");
        assertThat(m.text()).doesNotContain("tracking", "color", "injected", "comment", "<p", "&amp;", "&yen;");
    }

    @Test
    void decodesGbkTextLabelledGb2312() {
        Message m = Fixtures.parse("gb2312-label-gbk-chars.eml");

        assertThat(m.subject()).isEqualTo("朱镕基与王堃的会议纪要");
        assertThat(m.from()).containsExactly(new Address("wangkun@corp.example.cn", "王堃"));
        assertThat(m.text()).isEqualTo("吉喆同志：\n请于周五前提交镕钢项目报告。");
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void decodes8bitGbkBodyLabelledGb2312() {
        assertThat(Fixtures.parse("gb2312-label-gbk-chars-8bit.eml").text())
                .isEqualTo("吉喆同志：\n请于周五前提交镕钢项目报告。");
    }

    @Test
    void decodesGbkBodyWithoutCharset() {
        assertThat(Fixtures.parse("gbk-no-charset.eml").text()).isEqualTo("您好，附件是三月份的增值税发票，请查收。");
    }

    @Test
    void decodesBig5BodyWithoutCharset() {
        assertThat(Fixtures.parse("big5-no-label.eml").text()).isEqualTo("您好，這是中文郵件測試。請確認會議時間。");
    }

    @Test
    void decodesBig5BodyLabelledMs950() {
        assertThat(Fixtures.parse("big5-ms950.eml").text()).isEqualTo("您好，這是中文郵件測試。請確認會議時間。");
    }

    @Test
    void decodesRaw8bitGbkHeaders() {
        Message m = Fixtures.parse("raw-8bit-gbk-headers.eml");

        assertThat(m.subject()).isEqualTo("关于三月份报销的通知");
        assertThat(m.from()).containsExactly(new Address("zhangsan@corp.example.cn", "财务部 张三"));
        assertThat(m.headers().first("Subject")).isEqualTo("关于三月份报销的通知");
        assertThat(m.text()).isEqualTo("请查收。");
    }

    @Test
    void decodesRaw8bitUtf8Headers() {
        Message m = Fixtures.parse("raw-8bit-utf8-headers.eml");

        assertThat(m.subject()).isEqualTo("Re: 合同审批 \u2013 第二版");
        assertThat(m.from()).containsExactly(new Address("lisi@corp.example.cn", "李四 (市场部)"));
    }

    @Test
    void joinsUtf8EncodedWordsSplitMidCharacter() {
        assertThat(Fixtures.parse("split-word-utf8-b.eml").subject()).isEqualTo("发票已开具");
    }

    @Test
    void joinsGbkBase64EncodedWordsSplitMidCharacter() {
        assertThat(Fixtures.parse("split-word-gbk-b.eml").subject()).isEqualTo("发票已开具");
    }

    @Test
    void joinsGbkQuotedPrintableEncodedWordsSplitMidCharacter() {
        assertThat(Fixtures.parse("split-word-gbk-q.eml").subject()).isEqualTo("发票已开具");
    }

    @Test
    void keepsAddressWhenDisplayNameHoldsAt() {
        Message m = Fixtures.parse("addresses.eml");

        assertThat(m.from()).containsExactly(new Address("phish@evil.example", "billing@paypal.example"));
        assertThat(m.from().get(0).domain()).isEqualTo("evil.example");
    }

    @Test
    void keepsCommasInsideQuotedAndEncodedDisplayNames() {
        assertThat(Fixtures.parse("addresses.eml").to()).containsExactly(
                new Address("john.smith@corp.example", "Smith, John"),
                new Address("xiaoming@corp.example.cn", "王, 小明"));
    }

    @Test
    void readsGroupsCommentsAndQuotedColons() {
        Message m = Fixtures.parse("addresses.eml");

        assertThat(m.cc()).isEmpty();
        assertThat(m.replyTo()).containsExactly(new Address("replies@corp.example", "Help Desk"));
        assertThat(m.sender()).containsExactly(new Address("ops@corp.example", "Re: Ops"));
        assertThat(m.bcc()).containsExactly(
                new Address("one@corp.example", ""), new Address("two@corp.example", "Two"));
    }

    @Test
    void readsBodyTextUpToItsBudgetAndSaysTheRestIsInTheRawMessageOnly() {
        String body = "firstword " + "x".repeat(BodyCollector.MAX_TEXT_BYTES) + " lastword";
        byte[] raw = ("Subject: long\r\nMessage-ID: <long@x>\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII);

        Message m = new MessageParser().parse(raw);

        assertThat(m.text()).startsWith("firstword").doesNotContain("lastword");
        assertThat(m.text().length()).isLessThanOrEqualTo(BodyCollector.MAX_TEXT_BYTES);
        assertThat(m.problems()).anyMatch(p -> p.startsWith("body text over 8 MB"));
        assertThat(m.size()).isEqualTo(raw.length);
    }

    @Test
    void forwardedMessagesShareTheBodyTextBudget() {
        // each forwarded message is parsed with a budget of its own; together they must not keep more than one
        String forwarded = "Subject: fwd\r\n\r\n" + "y".repeat(BodyCollector.MAX_TEXT_BYTES / 2 + 1000) + "\r\n";
        StringBuilder raw = new StringBuilder("Subject: three\r\nMessage-ID: <three@x>\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nbody\r\n");
        for (int i = 0; i < 3; i++) {
            raw.append("--b\r\nContent-Type: message/rfc822\r\n\r\n").append(forwarded);
        }
        Message m = new MessageParser().parse(raw.append("--b--\r\n").toString().getBytes(StandardCharsets.US_ASCII));

        assertThat(m.attachments()).hasSize(3);
        long kept = m.attachments().stream().mapToLong(a -> a.extractedText().length()).sum();
        assertThat(kept).isLessThanOrEqualTo(BodyCollector.MAX_TEXT_BYTES);
        assertThat(m.attachments().get(0).extractedText()).startsWith("fwd\nyyy");
        assertThat(m.attachments().get(2).extractedText()).isEmpty();
    }

    @Test
    void neverThrowsOnNullOrEmptyInput() {
        Message fromNull = new MessageParser().parse((byte[]) null);
        Message empty = new MessageParser().parse(new byte[0]);

        assertThat(fromNull.text()).isEmpty();
        assertThat(fromNull.size()).isZero();
        assertThat(empty.subject()).isEmpty();
        assertThat(empty.from()).isEmpty();
    }
}
