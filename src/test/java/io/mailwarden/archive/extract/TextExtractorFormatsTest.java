package io.mailwarden.archive.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.extract.Extraction.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextExtractorFormatsTest {

    private static final TextExtractor extractor = SharedExtractor.DEFAULT;

    private static Extraction extract(byte[] bytes, String type, String name) {
        return extractor.extract(bytes, type, null, name);
    }

    private static void assertText(Extraction e, String type, String text) {
        assertThat(e.status()).as(e.problem()).isEqualTo(Status.OK);
        assertThat(e.detectedType()).isEqualTo(type);
        assertThat(e.text()).contains(text);
        assertThat(e.problem()).isEmpty();
    }

    @Test
    void readsPdf() {
        assertText(extract(Docs.pdf("Quarterly invoice 4711"), "application/pdf", "invoice.pdf"),
                "application/pdf", "Quarterly invoice 4711");
    }

    @Test
    void detectsTypeFromBytesWhenTheDeclaredTypeLies() {
        Extraction e = extract(Docs.pdf("Hidden contract text"), "application/octet-stream", "x.bin");

        assertText(e, "application/pdf", "Hidden contract text");
    }

    @Test
    void readsWordExcelAndPowerPoint() {
        assertText(extract(Docs.docx("docx body words"), "application/octet-stream", "a.docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx body words");
        assertText(extract(Docs.xlsx("xlsx cell words"), "application/vnd.ms-excel", "b.xlsx"),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx cell words");
        assertText(extract(Docs.xls("xls cell words"), "application/octet-stream", "c.dat"),
                "application/vnd.ms-excel", "xls cell words");
        assertText(extract(Docs.pptx("pptx slide words"), "application/octet-stream", "d"),
                "application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx slide words");
        assertText(extract(Docs.ppt("ppt slide words"), "application/octet-stream", "e.ppt"),
                "application/vnd.ms-powerpoint", "ppt slide words");
    }

    @Test
    void readsWord97() throws IOException {
        byte[] doc;
        try (InputStream in = getClass().getResourceAsStream("/extract/word97.doc")) {
            doc = in.readAllBytes();
        }

        assertText(extract(doc, "application/octet-stream", "old.doc"), "application/msword",
                "Word ninety-seven words 合同编号 4711");
    }

    @Test
    void readsOpenDocumentText() {
        assertText(extract(Docs.odt("odt paragraph words"), "application/octet-stream", "f.odt"),
                "application/vnd.oasis.opendocument.text", "odt paragraph words");
    }

    @Test
    void readsRtfInTheCodePageItDeclares() {
        byte[] rtf = "{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 SimSun;}}\\f0 Rtf words \\'b7\\'a2\\'c6\\'b1\\par}"
                .getBytes(StandardCharsets.US_ASCII);

        assertText(extract(rtf, "application/rtf", "g.rtf"), "application/rtf", "Rtf words 发票");
    }

    @Test
    void readsHtmlWithoutItsMarkup() {
        byte[] html = "<html><head><title>t</title><script>var hidden = 1;</script></head><body><p>Visible &amp; kept</p></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        Extraction e = extract(html, "text/html", "page.html");

        assertText(e, "text/html", "Visible & kept");
        assertThat(e.text()).doesNotContain("hidden", "<p>");
    }

    @Test
    void readsCsvAndPlainText() {
        assertText(extractor.extract("id,amount\n1001,250.00\n".getBytes(StandardCharsets.UTF_8), "text/csv", "utf-8",
                "orders.csv"), "text/csv", "1001,250.00");
        assertText(extractor.extract("plain words".getBytes(StandardCharsets.US_ASCII), null, null, null),
                "text/plain", "plain words");
    }

    @Test
    void readsForwardedMessageFromTheBytes() {
        byte[] eml = """
                From: a@example.com
                To: b@example.com
                Subject: Forwarded quote
                Message-ID: <q1@example.com>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                Price per ton is three thousand.
                """.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        Extraction e = extract(eml, "application/octet-stream", "quote.eml");

        assertText(e, "message/rfc822", "Forwarded quote");
        assertThat(e.text()).contains("Price per ton is three thousand.");
    }

    @Test
    void readsZipEntriesOneLevelDeep() {
        Map<String, byte[]> inner = new LinkedHashMap<>();
        inner.put("deep.txt", "too deep to read".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("readme.txt", "zipped plain words".getBytes(StandardCharsets.UTF_8));
        outer.put("report.pdf", Docs.pdf("zipped pdf words"));
        outer.put("inner.zip", Docs.zip(inner));
        Extraction e = extract(Docs.zip(outer), "application/zip", "files.zip");

        assertText(e, "application/zip", "zipped plain words");
        assertThat(e.text()).contains("zipped pdf words", "readme.txt", "report.pdf", "inner.zip")
                .doesNotContain("too deep to read");
    }

    @Test
    void leavesZipEntriesAloneWhenTold() {
        ExtractLimits d = ExtractLimits.defaults();
        try (TextExtractor noZip = new TextExtractor(
                new ExtractLimits(d.timeout(), d.maxChars(), d.maxDepth(), d.maxExpandedBytes(), false,
                        d.maxMessageChars(), d.messageTimeout()))) {
            byte[] zip = Docs.zip(Map.of("readme.txt", "zipped plain words".getBytes(StandardCharsets.UTF_8)));

            assertThat(noZip.extract(zip, "application/zip", null, "files.zip").text())
                    .doesNotContain("zipped plain words");
        }
    }
}
