package io.mailwarden.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.Message;
import io.mailwarden.plan.Step;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Replies and forwards as they go on the wire: headers that make them real replies, and UTF-8 text. */
class ComposerTest {

    private static final String OWN = "zhang.san@corp.example";
    private static final Instant NOW = Instant.parse("2026-03-05T10:00:00Z");
    private static final String CHINESE = """
            Return-Path: <wang@customer.example>
            From: =?UTF-8?B?546L5bCP5piO?= <wang@customer.example>
            To: support@corp.example
            Subject: =?UTF-8?B?5Zue5aSNOiDlhbPkuo7lkIjlkIznmoTpl67popg=?=
            Message-ID: <q2@customer.example>
            In-Reply-To: <q1@corp.example>
            References: <q0@customer.example>
             <q1@corp.example>
            Date: Thu, 5 Mar 2026 09:05:00 +0800
            Content-Type: text/plain; charset=utf-8

            合同第三条怎么理解？
            """;

    private static Step.Reply reply(String subject, String body, String html) {
        return new Step.Reply(subject, body, html, Duration.ofDays(7), List.of("support@corp.example"), true);
    }

    private static MimeMessage mime(byte[] bytes) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
    }

    private static String header(byte[] bytes, String name) {
        String head = new String(bytes, StandardCharsets.US_ASCII).split("\r\n\r\n", 2)[0].replaceAll("\r\n[ \t]", " ");
        return head.lines().filter(l -> l.startsWith(name + ": ")).map(l -> l.substring(name.length() + 2))
                .findFirst().orElse(null);
    }

    @Test
    void replyIsARealReplyWithChineseSubjectAndUtf8Body() throws Exception {
        Message original = Mails.parse(CHINESE);
        Composer.Composed c = Composer.reply(OWN, original, Suppression.replyTarget(original),
                reply("Re: ${subject}", "${from.name}，您好：\n我们已收到「${subject}」(${date})。\n-- ${account}\n", null), NOW);

        byte[] b = c.content();
        assertThat(new String(b, StandardCharsets.ISO_8859_1).chars().allMatch(ch -> ch < 128)).as("7-bit on the wire").isTrue();
        assertThat(header(b, "In-Reply-To")).isEqualTo("<q2@customer.example>");
        assertThat(header(b, "References")).isEqualTo("<q0@customer.example> <q1@corp.example> <q2@customer.example>");
        assertThat(header(b, "From")).isEqualTo(OWN);
        assertThat(MimeUtility.decodeText(header(b, "To"))).isEqualTo("王小明 <wang@customer.example>");
        assertThat(header(b, "Auto-Submitted")).isEqualTo("auto-replied");
        assertThat(header(b, "X-Mailwarden-Loop")).isEqualTo(OWN);
        assertThat(header(b, "Message-ID")).isEqualTo(c.messageId()).matches("<mailwarden\\.[-0-9a-f]+@corp\\.example>");
        assertThat(header(b, "Subject")).startsWith("=?UTF-8?");
        assertThat(MimeUtility.decodeText(header(b, "Subject"))).isEqualTo("Re: 关于合同的问题");
        assertThat(c.recipients()).containsExactly("wang@customer.example");

        MimeMessage m = mime(b);
        assertThat(m.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(m.getContent()).isEqualTo("王小明，您好：\n我们已收到「回复: 关于合同的问题」(2026-03-05 09:05 +08:00)。\n-- "
                + OWN + "\n");
    }

    @Test
    void replyPrefixesNeverPileUp() {
        assertThat(Subjects.reply("Re: Re: Cannot log in")).isEqualTo("Re: Cannot log in");
        assertThat(Subjects.reply("Re: RE: 回复：答复: AW: 合同")).isEqualTo("Re: 合同");
        assertThat(Subjects.reply("Re: Cannot log in")).isEqualTo("Re: Cannot log in");
        assertThat(Subjects.reply("[Ticket] Re: help")).isEqualTo("[Ticket] Re: help");
        assertThat(Subjects.reply("Received: your mail")).isEqualTo("Received: your mail");
        assertThat(Subjects.forward("FW: Fwd: 转发: invoice")).isEqualTo("Fwd: invoice");
    }

    @Test
    void htmlReplyCarriesBothPartsWithValuesEscapedInHtml() throws Exception {
        Message original = Mails.parse(Mails.customerReplacing("Subject", "Subject: <b>bold</b> & more"));
        Composer.Composed c = Composer.reply(OWN, original, Suppression.replyTarget(original),
                reply("Re: ${subject}", "Got: ${subject}", "<p>Got: ${subject}</p>"), NOW);
        Multipart alt = (Multipart) mime(c.content()).getContent();
        assertThat(alt.getContentType()).startsWith("multipart/alternative");
        assertThat(alt.getBodyPart(0).getContent()).isEqualTo("Got: <b>bold</b> & more");
        assertThat(alt.getBodyPart(1).getContent()).isEqualTo("<p>Got: &lt;b&gt;bold&lt;/b&gt; &amp; more</p>");
    }

    @Test
    void forwardAsAttachmentCarriesTheOriginalByteForByte() throws Exception {
        byte[] raw = Mails.raw(CHINESE);
        Composer.Composed c = Composer.forward(OWN, Mails.parse(CHINESE), raw,
                new Step.Forward(List.of("audit@corp.example", "legal@corp.example"), true), "audit-all", NOW);
        assertThat(c.recipients()).containsExactly("audit@corp.example", "legal@corp.example");
        assertThat(header(c.content(), "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(header(c.content(), "X-Mailwarden-Loop")).isEqualTo(OWN);
        MimeMessage m = mime(c.content());
        assertThat(m.getSubject()).isEqualTo("Fwd: 回复: 关于合同的问题");
        Multipart mixed = (Multipart) m.getContent();
        assertThat((String) mixed.getBodyPart(0).getContent()).contains("rule audit-all", "wang@customer.example");
        Part attached = mixed.getBodyPart(1);
        assertThat(attached.getContentType()).startsWith("message/rfc822");
        try (InputStream in = attached.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(raw);
        }
    }

    @Test
    void forwardInlineQuotesTheOriginalText() throws Exception {
        Composer.Composed c = Composer.forward(OWN, Mails.parse(CHINESE), Mails.raw(CHINESE),
                new Step.Forward(List.of("audit@corp.example"), false), "audit-all", NOW);
        MimeMessage m = mime(c.content());
        assertThat(m.getContentType()).startsWith("text/plain");
        assertThat((String) m.getContent()).contains("---------- Forwarded message ----------",
                "Subject: 回复: 关于合同的问题", "合同第三条怎么理解？");
    }
}
