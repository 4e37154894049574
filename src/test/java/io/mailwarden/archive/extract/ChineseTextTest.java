package io.mailwarden.archive.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.extract.Extraction.Status;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChineseTextTest {

    /** Simplified Chinese with 镕 and 堃, which are in GBK but not in GB2312. */
    private static final String SIMPLIFIED = "关于增值税发票的通知：请朱镕基和王堃于三月底前核对合同金额，并回复确认。";
    private static final String TRADITIONAL = "關於年度報告的說明：請各部門於本週五前提交預算與會議記錄，謝謝合作。";
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");

    private static final TextExtractor extractor = SharedExtractor.DEFAULT;

    private static String text(byte[] bytes, String type, String charset, String name) {
        Extraction e = extractor.extract(bytes, type, charset, name);
        assertThat(e.status()).as(e.problem()).isEqualTo(Status.OK);
        return e.text();
    }

    @Test
    void decodesGbkLabelledGb2312() {
        assertThat(text(SIMPLIFIED.getBytes(GBK), "text/plain", "gb2312", "notice.txt")).isEqualTo(SIMPLIFIED);
    }

    @Test
    void decodesLabelledGbkGb18030Big5AndUtf8() {
        assertThat(text(SIMPLIFIED.getBytes(GBK), "text/plain", "GBK", "a.txt")).isEqualTo(SIMPLIFIED);
        assertThat(text(SIMPLIFIED.getBytes(Charset.forName("GB18030")), "text/plain", "gb18030", "b.txt"))
                .isEqualTo(SIMPLIFIED);
        assertThat(text(TRADITIONAL.getBytes(BIG5), "text/plain", "big5", "c.txt")).isEqualTo(TRADITIONAL);
        assertThat(text(SIMPLIFIED.getBytes(StandardCharsets.UTF_8), "text/plain", "utf-8", "d.txt"))
                .isEqualTo(SIMPLIFIED);
    }

    @Test
    void detectsUnlabelledGbkBig5AndUtf8() {
        assertThat(text(SIMPLIFIED.getBytes(GBK), "text/plain", null, "a.txt")).isEqualTo(SIMPLIFIED);
        assertThat(text(TRADITIONAL.getBytes(BIG5), "application/octet-stream", null, "b.txt"))
                .isEqualTo(TRADITIONAL);
        assertThat(text(SIMPLIFIED.getBytes(StandardCharsets.UTF_8), null, null, "")).isEqualTo(SIMPLIFIED);
    }

    @Test
    void readsWhenTheLabelIsWrong() {
        assertThat(text(SIMPLIFIED.getBytes(StandardCharsets.UTF_8), "text/plain", "gb2312", "a.txt"))
                .isEqualTo(SIMPLIFIED);
        assertThat(text(SIMPLIFIED.getBytes(GBK), "text/plain", "us-ascii", "b.txt")).isEqualTo(SIMPLIFIED);
    }

    @Test
    void decodesGbkCsvAndHtml() {
        String csv = "订单号,客户,金额\r\n1001,北京朱镕贸易公司,250.00\r\n";
        assertThat(text(csv.getBytes(GBK), "text/csv", null, "orders.csv")).contains("北京朱镕贸易公司");
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>"
                + "<body><p>" + SIMPLIFIED + "</p></body></html>";
        assertThat(text(html.getBytes(GBK), "text/html", null, "page.html")).isEqualTo(SIMPLIFIED);
    }

    @Test
    void readsChineseInDocxAndPdf() {
        assertThat(text(Docs.docx(SIMPLIFIED), "application/octet-stream", "合同.docx", "合同.docx"))
                .isEqualTo(SIMPLIFIED);
        assertThat(text(Docs.chinesePdf("增值税发票 合同编号 朱镕基"), "application/pdf", null, "发票.pdf"))
                .contains("增值税发票", "合同编号", "朱镕基");
    }
}
