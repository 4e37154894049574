package io.mailwarden.archive.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.extract.Extraction.Status;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageExtractorTest {

    private static final MessageExtractor extractor = new MessageExtractor(SharedExtractor.DEFAULT);

    private static String headers(String subject, String contentType) {
        return "From: a@example.com\r\nTo: b@example.com\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + subject.hashCode() + "@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: "
                + contentType + "\r\n\r\n";
    }

    private static String part(String type, String filename, byte[] content) {
        return "Content-Type: " + type + "; name=\"" + filename + "\"\r\nContent-Disposition: attachment; filename=\""
                + filename + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(content) + "\r\n";
    }

    private static byte[] mixed(String subject, String body, String... parts) {
        return mixedWithin("b1", subject, body, parts);
    }

    private static byte[] mixedWithin(String boundary, String subject, String body, String... parts) {
        StringBuilder sb = new StringBuilder(headers(subject, "multipart/mixed; boundary=\"" + boundary + "\""));
        sb.append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n").append(body)
                .append("\r\n");
        for (String p : parts) {
            sb.append("--").append(boundary).append("\r\n").append(p);
        }
        return sb.append("--").append(boundary).append("--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void recordsEachAttachmentAndABrokenOneStopsNothing() {
        byte[] docx = Docs.docx("never seen");
        byte[] raw = mixed("Three files", "See the files.",
                part("application/octet-stream", "scan.bin", Docs.pdf("Invoice total 880 EUR")),
                part("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "broken.docx",
                        Arrays.copyOf(docx, docx.length / 2)),
                part("text/plain; charset=gb2312", "notes.txt", "会议纪要：预算已批准".getBytes(Charset.forName("GBK"))),
                part("application/pdf", "empty.pdf", new byte[0]));

        ExtractedMessage m = extractor.extract(raw);

        assertThat(m.message().text()).isEqualTo("See the files.");
        assertThat(m.attachments()).hasSameSizeAs(m.message().attachments())
                .extracting(Extraction::status)
                .containsExactly(Status.OK, Status.FAILED, Status.OK, Status.EMPTY);
        assertThat(m.attachments().get(0).detectedType()).isEqualTo("application/pdf");
        assertThat(m.attachments().get(0).text()).contains("Invoice total 880 EUR");
        assertThat(m.attachments().get(2).text()).isEqualTo("会议纪要：预算已批准");
        assertThat(m.message().attachments().get(2).extractedText()).isEqualTo("会议纪要：预算已批准");
    }

    @Test
    void forwardedMessageGivesItsTextAndItsAttachmentsOutcome() {
        byte[] inner = mixedWithin("inner", "报价单", "单价：每吨三千元。",
                part("application/octet-stream", "terms.docx", Docs.docx("付款条件：月结三十天")),
                part("application/pdf", "locked.pdf", Docs.encryptedPdf("secret")));
        String fwd = "Content-Type: message/rfc822; name=\"quote.eml\"\r\nContent-Disposition: attachment;"
                + " filename=\"quote.eml\"\r\n\r\n"
                + new String(inner, StandardCharsets.UTF_8) + "\r\n"; // its own boundary (never replaced: "b1" occurs in base64)
        byte[] raw = mixed("Fwd: 报价单", "See below.", fwd);

        ExtractedMessage m = extractor.extract(raw);

        assertThat(m.attachments()).hasSize(1);
        Extraction e = m.attachments().get(0);
        assertThat(e.detectedType()).isEqualTo("message/rfc822");
        assertThat(e.text()).as("%s: %s", e.status(), e.problem()).contains("报价单", "单价：每吨三千元。", "付款条件：月结三十天");
        assertThat(e.status()).isEqualTo(Status.ENCRYPTED);
    }

    @Test
    void malformedMimeNeverThrows() {
        String truncatedBase64 = headers("cut", "multipart/mixed; boundary=\"b1\"")
                + "--b1\r\nContent-Type: text/plain\r\n\r\nbody\r\n--b1\r\n"
                + part("application/pdf", "cut.pdf", Docs.pdf("cut short")).substring(0, 300);
        String badBoundary = headers("bad", "multipart/mixed; boundary=\"nope\"")
                + "--real\r\nContent-Type: text/plain\r\n\r\nstill here\r\n--real--\r\n";
        String noHeaders = "just some text\r\nwithout any header\r\n";
        StringBuilder nested = new StringBuilder(headers("deep", "multipart/mixed; boundary=\"d0\""));
        for (int i = 1; i < 200; i++) {
            nested.append("--d").append(i - 1).append("\r\nContent-Type: multipart/mixed; boundary=\"d").append(i)
                    .append("\"\r\n\r\n");
        }
        nested.append("--d199\r\nContent-Type: text/plain\r\n\r\nbottom\r\n");

        for (String raw : new String[] {truncatedBase64, badBoundary, noHeaders, nested.toString(), ""}) {
            ExtractedMessage m = extractor.extract(raw.getBytes(StandardCharsets.UTF_8));
            assertThat(m.attachments()).hasSameSizeAs(m.message().attachments());
        }
        assertThat(extractor.extract(badBoundary.getBytes(StandardCharsets.UTF_8)).message().text())
                .contains("still here");
        assertThat(extractor.extract(truncatedBase64.getBytes(StandardCharsets.UTF_8)).attachments())
                .extracting(Extraction::status).doesNotContain(Status.OK);
    }

    @Test
    void keepsNoMoreThanTheMessagesCharactersFromManySmallZips() {
        // each zip holds 50,000 characters in a few hundred bytes: a thousand of them would be 50 million
        String words = "发票 invoice ".repeat(5_000);
        String[] zips = new String[5];
        for (int i = 0; i < zips.length; i++) {
            zips[i] = part("application/zip", "part" + i + ".zip", Docs.zip(Map.of("words.txt", words.getBytes(StandardCharsets.UTF_8))));
        }
        ExtractLimits d = ExtractLimits.defaults();
        ExtractLimits limits = new ExtractLimits(d.timeout(), 10_000, d.maxDepth(), d.maxExpandedBytes(), true, 25_000,
                d.messageTimeout());
        try (TextExtractor small = new TextExtractor(limits, 1, 1)) {
            ExtractedMessage m = new MessageExtractor(small).extract(mixed("Zips", "Five zips.", zips));

            assertThat(m.message().text()).isEqualTo("Five zips.");
            assertThat(m.attachments().stream().mapToInt(e -> e.text().length()).sum()).isEqualTo(25_000);
            assertThat(m.attachments()).extracting(e -> e.text().length())
                    .satisfiesExactly(n -> assertThat(n).isBetween(9_000, 10_000), n -> assertThat(n).isBetween(9_000, 10_000),
                            n -> assertThat(n).isPositive(), n -> assertThat(n).isZero(), n -> assertThat(n).isZero());
            assertThat(m.attachments()).extracting(Extraction::status).containsOnly(Status.TRUNCATED);
            assertThat(m.attachments().get(2).problem()).contains("25000 characters dropped (max-message-chars)");
            assertThat(m.attachments().get(4).problem()).contains("not read", "max-message-chars");
            assertThat(m.message().attachments().get(4).extractedText()).isEmpty();
        }
    }

    @Test
    void readsNoAttachmentOnceTheMessagesTimeIsSpent() {
        ExtractLimits d = ExtractLimits.defaults();
        ExtractLimits limits = new ExtractLimits(d.timeout(), d.maxChars(), d.maxDepth(), d.maxExpandedBytes(), true,
                d.maxMessageChars(), Duration.ofNanos(1));
        try (TextExtractor hurried = new TextExtractor(limits, 1, 1)) {
            ExtractedMessage m = new MessageExtractor(hurried).extract(mixed("Late", "The body is read.",
                    part("application/pdf", "a.pdf", Docs.pdf("never read")),
                    part("text/plain", "b.txt", "nor this".getBytes(StandardCharsets.UTF_8))));

            assertThat(m.message().text()).isEqualTo("The body is read.");
            assertThat(m.attachments()).extracting(Extraction::status).containsExactly(Status.TIMEOUT, Status.TIMEOUT);
            assertThat(m.attachments().get(0).indexedProblem())
                    .isEqualTo("timeout: not read: the message's attachments took over PT0.000000001S (message-timeout)");
        }
    }
}
