package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MimeParamsTest {

    @Test
    void readsValueAndQuotedParameters() {
        MimeParams p = MimeParams.parse("Text/Plain; Charset=\"GB2312\"; format=flowed");

        assertThat(p.value()).isEqualTo("text/plain");
        assertThat(p.get("charset")).isEqualTo("GB2312");
        assertThat(p.get("FORMAT")).isEqualTo("flowed");
    }

    @Test
    void decodesEncodedWordInsideQuotes() {
        assertThat(MimeParams.parse("attachment; filename=\"=?GBK?B?1PbWtcuwt6LGsS5wZGY=?=\"").get("filename"))
                .isEqualTo("增值税发票.pdf");
    }

    @Test
    void decodesRfc2231Value() {
        MimeParams p = MimeParams.parse("attachment; filename*=UTF-8''%E5%90%88%E5%90%8C.docx");

        assertThat(p.value()).isEqualTo("attachment");
        assertThat(p.get("filename")).isEqualTo("合同.docx");
    }

    @Test
    void decodesRfc2231ValueWithLanguage() {
        assertThat(MimeParams.parse("attachment; filename*=gbk'zh-cn'%BA%CF%CD%AC.docx").get("filename"))
                .isEqualTo("合同.docx");
    }

    @Test
    void joinsRfc2231Continuations() {
        MimeParams p = MimeParams.parse("attachment;\r\n filename*0*=UTF-8''%E4%B8%89%E6%9C%88%E5%AF%B9;\r\n"
                + " filename*1*=%E8%B4%A6%E5%8D%95;\r\n filename*2=\".xlsx\"");

        assertThat(p.get("filename")).isEqualTo("三月对账单.xlsx");
    }

    @Test
    void joinsContinuationsSplitMidCharacter() {
        // the UTF-8 bytes of 合 are split between the sections
        assertThat(MimeParams.parse("attachment; filename*1*=%90%88.txt; filename*0*=utf-8''%E5").get("filename"))
                .isEqualTo("合.txt");
    }

    @Test
    void joinsPlainContinuations() {
        assertThat(MimeParams.parse("attachment; filename*0=\"annual \"; filename*1=\"report.pdf\"").get("filename"))
                .isEqualTo("annual report.pdf");
    }

    @Test
    void prefersExtendedValueOverPlainOne() {
        MimeParams p = MimeParams.parse("attachment; filename=\"fallback.docx\"; filename*=UTF-8''%E5%90%88%E5%90%8C.docx");
        MimeParams reversed = MimeParams.parse("attachment; filename*=UTF-8''%E5%90%88%E5%90%8C.docx; filename=\"fallback.docx\"");

        assertThat(p.get("filename")).isEqualTo("合同.docx");
        assertThat(reversed.get("filename")).isEqualTo("合同.docx");
    }

    @Test
    void keepsSemicolonInsideQuotes() {
        MimeParams p = MimeParams.parse("attachment; filename=\"a;b.txt\"; size=12");

        assertThat(p.get("filename")).isEqualTo("a;b.txt");
        assertThat(p.get("size")).isEqualTo("12");
    }

    @Test
    void decodesRaw8bitGbkFileName() {
        String raw = new String("报价单.xls".getBytes(Charsets.GB18030), java.nio.charset.StandardCharsets.ISO_8859_1);

        assertThat(MimeParams.parse("attachment; filename=\"" + raw + "\"").get("filename")).isEqualTo("报价单.xls");
    }

    @Test
    void readsMultipartBoundary() {
        assertThat(MimeParams.parse("multipart/mixed;\r\n\tboundary=\"----=_Part_0_1234.5678\"").get("boundary"))
                .isEqualTo("----=_Part_0_1234.5678");
    }

    @Test
    void skipsJunkAndNeverThrows() {
        MimeParams p = MimeParams.parse("text/plain; ; =x; charset; name=\"unterminated");

        assertThat(p.value()).isEqualTo("text/plain");
        assertThat(p.get("charset")).isNull();
        assertThat(p.get("name")).isEqualTo("unterminated");
        assertThat(MimeParams.parse(null).value()).isEmpty();
        assertThat(MimeParams.parse("attachment; filename*99999999999*=x").value()).isEqualTo("attachment");
    }
}
