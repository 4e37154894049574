package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CharsetsTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset BIG5 = Charset.forName("Big5");

    private static byte[] hex(String h) {
        return HexFormat.of().parseHex(h);
    }

    @Test
    void mapsGbLabelsToGb18030() {
        for (String label : new String[] {"gb2312", "GB2312", "\"gbk\"", "x-gbk", "cp936", "euc-cn", "GB18030"}) {
            assertThat(Charsets.forLabel(label)).as(label).isEqualTo(Charset.forName("GB18030"));
        }
    }

    @Test
    void mapsBig5LabelsToWindows950() {
        assertThat(Charsets.forLabel("MS950")).isEqualTo(Charsets.forLabel("big5"));
        assertThat(Charsets.forLabel("big5").name()).isIn("x-windows-950", "Big5");
    }

    @Test
    void returnsNullForMissingOrUnknownLabel() {
        assertThat(Charsets.forLabel(null)).isNull();
        assertThat(Charsets.forLabel(" ")).isNull();
        assertThat(Charsets.forLabel("no-such-charset")).isNull();
        assertThat(Charsets.forLabel("illegal name!")).isNull();
    }

    @Test
    void decodesGbkTextLabelledGb2312() {
        assertThat(Charsets.decode("朱镕基和王堃、吉喆".getBytes(GBK), "gb2312")).isEqualTo("朱镕基和王堃、吉喆");
    }

    @Test
    void decodesGbkTextWithoutLabel() {
        assertThat(Charsets.decode("您好，请查收发票。".getBytes(GBK), null)).isEqualTo("您好，请查收发票。");
    }

    @Test
    void decodesGbkOnlyCharactersWithoutLabel() {
        assertThat(Charsets.decode(hex("d6ece946bbf9"), null)).isEqualTo("朱镕基");
        assertThat(Charsets.decode(hex("cdf588d2"), null)).isEqualTo("王堃");
    }

    @Test
    void decodesShortBig5WithoutLabel() {
        assertThat(Charsets.decode(hex("a4a4a4e5"), null)).isEqualTo("中文");
        assertThat(Charsets.decode(hex("b6c0acfcb5d8"), null)).isEqualTo("黃美華");
    }

    @Test
    void decodesBig5SentenceWithoutLabel() {
        String s = "您好，這是中文郵件測試。請確認會議時間。";
        assertThat(Charsets.decode(s.getBytes(BIG5), null)).isEqualTo(s);
    }

    @Test
    void decodesBig5LabelledMs950() {
        assertThat(Charsets.decode("會議通知".getBytes(BIG5), "MS950")).isEqualTo("會議通知");
    }

    @Test
    void decodesUtf8WithoutLabelAndUtf8MislabelledGbk() {
        byte[] utf8 = "合同审批".getBytes(StandardCharsets.UTF_8);

        assertThat(Charsets.decode(utf8, null)).isEqualTo("合同审批");
        assertThat(Charsets.decode("合同审批".getBytes(GBK), "utf-8")).isEqualTo("合同审批");
    }

    @Test
    void decodesEightBitBytesLabelledAscii() {
        assertThat(Charsets.decode("报价".getBytes(GBK), "us-ascii")).isEqualTo("报价");
    }

    @Test
    void decodesLatinTextWithoutLabel() {
        assertThat(Charsets.decode("café".getBytes(StandardCharsets.ISO_8859_1), null)).isEqualTo("café");
        assertThat(Charsets.decode("naïve résumé".getBytes(StandardCharsets.ISO_8859_1), null))
                .isEqualTo("naïve résumé");
    }

    @Test
    void decodesLatin1LabelAsWindows1252() {
        assertThat(Charsets.decode(hex("93717594"), "iso-8859-1")).isEqualTo("\u201cqu\u201d");
    }

    @Test
    void fixesRaw8bitHeaderValues() {
        String gbk = new String("关于报销".getBytes(GBK), StandardCharsets.ISO_8859_1);
        String utf8 = new String("关于报销".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);

        assertThat(Charsets.fixRaw8bit(gbk)).isEqualTo("关于报销");
        assertThat(Charsets.fixRaw8bit(utf8)).isEqualTo("关于报销");
        assertThat(Charsets.fixRaw8bit("plain ascii")).isEqualTo("plain ascii");
        assertThat(Charsets.fixRaw8bit("已经是文字")).isEqualTo("已经是文字");
    }

    @Test
    void neverThrowsOnBrokenBytes() {
        assertThat(Charsets.decode(hex("d6d0ff"), "gbk")).startsWith("中");
        assertThat(Charsets.decode(hex("e4b8"), "utf-8")).isNotNull();
        assertThat(Charsets.decode(new byte[0], null)).isEmpty();
    }
}
