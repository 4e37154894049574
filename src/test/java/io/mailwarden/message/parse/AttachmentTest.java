package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.Attachment;
import io.mailwarden.message.Message;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AttachmentTest {

    @Test
    void decodesEncodedWordAndRfc2231FileNames() {
        Message m = Fixtures.parse("attachment-filenames.eml");

        assertThat(m.subject()).isEqualTo("发票和合同");
        assertThat(m.text()).isEqualTo("请查收附件。");
        List<Attachment> a = m.attachments();
        assertThat(a).extracting(Attachment::filename)
                .containsExactly("增值税发票.pdf", "合同.docx", "三月对账单.xlsx");
        assertThat(a).extracting(Attachment::index).containsExactly(0, 1, 2);
        assertThat(a.get(0).mediaType()).isEqualTo("application/pdf");
        assertThat(a.get(0).size()).isEqualTo(77);
        assertThat(a.get(1).mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(a.get(2).size()).isEqualTo(44);
        assertThat(a.get(0).extractedText()).isEmpty();
        assertThat(m.problems()).isEmpty();
    }

    @Test
    void extractsForwardedMessageText() {
        Message m = Fixtures.parse("forwarded-rfc822.eml");

        assertThat(m.subject()).isEqualTo("Fwd: 报价单");
        assertThat(m.text()).isEqualTo("See below.");
        assertThat(m.attachments()).hasSize(1);
        Attachment fwd = m.attachments().get(0);
        assertThat(fwd.mediaType()).isEqualTo("message/rfc822");
        assertThat(fwd.filename()).isEqualTo("quote.eml");
        assertThat(fwd.extractedText()).isEqualTo("报价单\n单价：每吨三千元。");
    }

    @Test
    void extractsTextAndCsvAttachments() {
        Message m = Fixtures.parse("text-attachments.eml");

        assertThat(m.text()).isEqualTo("Two files attached.");
        assertThat(m.attachments()).extracting(Attachment::filename).containsExactly("notes.txt", "orders.csv");
        assertThat(m.attachments().get(0).mediaType()).isEqualTo("text/plain");
        assertThat(m.attachments().get(0).extractedText()).isEqualTo("会议记录：预算已批准。");
        assertThat(m.attachments().get(1).mediaType()).isEqualTo("text/csv");
        assertThat(m.attachments().get(1).extractedText()).isEqualTo("订单号,金额\r\n1001,250.00");
    }

    @Test
    void extractsTextLazilyAndOnce() {
        AtomicInteger calls = new AtomicInteger();
        MessageParser parser = new MessageParser((content, type, charset, name) -> {
            calls.incrementAndGet();
            return name + ":" + content.size();
        });
        Message m = parser.parse(Fixtures.bytes("attachment-filenames.eml"));

        assertThat(calls).hasValue(0);
        assertThat(m.attachments().get(0).extractedText()).isEqualTo("增值税发票.pdf:77");
        assertThat(m.attachments().get(0).extractedText()).isEqualTo("增值税发票.pdf:77");
        assertThat(calls).hasValue(1);
    }

    @Test
    void failingExtractorGivesEmptyText() {
        MessageParser parser = new MessageParser((content, type, charset, name) -> {
            throw new IllegalStateException("boom");
        });

        assertThat(parser.parse(Fixtures.bytes("text-attachments.eml")).attachments().get(0).extractedText())
                .isEmpty();
    }

    @Test
    void textOnlyExtractorReducesHtmlAndIgnoresBinary() {
        AttachmentTextExtractor x = AttachmentTextExtractor.TEXT_ONLY;

        assertThat(x.extract(PartContent.of("<p>a &amp; b</p>".getBytes()), "text/html", "utf-8", "page.html")).isEqualTo("a & b");
        assertThat(x.extract(PartContent.of(new byte[] {1, 2, 3}), "application/pdf", null, "x.pdf")).isEmpty();
    }
}
