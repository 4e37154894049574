package io.mailwarden.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** File names from mail cannot smuggle paths, quotes or header lines into Content-Disposition. */
class ContentDispositionTest {

    @Test
    void chineseNameTravelsAsRfc5987WithAnAsciiFallback() {
        assertThat(ContentDisposition.attachment("合同.pdf"))
                .isEqualTo("attachment; filename=\"__.pdf\"; filename*=UTF-8''%E5%90%88%E5%90%8C.pdf");
    }

    @Test
    void plainAsciiNameStaysReadable() {
        assertThat(ContentDisposition.attachment("Q2 budget (final).xlsx"))
                .isEqualTo("attachment; filename=\"Q2 budget (final).xlsx\"; filename*=UTF-8''Q2%20budget%20%28final%29.xlsx");
    }

    @Test
    void pathsQuotesAndLineBreaksFromMailAreRemoved() {
        String header = ContentDisposition.attachment("..\\..\\evil\"\r\nSet-Cookie: a=b\".exe");
        assertThat(header).doesNotContain("\r").doesNotContain("\n").doesNotContain("\\").doesNotContain("..");
        assertThat(header).startsWith("attachment; filename=\"evilSet-Cookie: a=b.exe\"");
        assertThat(ContentDisposition.clean("/etc/passwd")).isEqualTo("passwd");
        assertThat(ContentDisposition.clean(".bashrc")).isEqualTo("bashrc");
        assertThat(ContentDisposition.attachment("100%.txt")).contains("filename=\"100_.txt\"")
                .contains("filename*=UTF-8''100%25.txt");
    }

    @Test
    void missingOrEmptyNamesGetAPlaceholder() {
        assertThat(ContentDisposition.clean(null)).isEqualTo(ContentDisposition.FALLBACK);
        assertThat(ContentDisposition.clean("dir/")).isEqualTo(ContentDisposition.FALLBACK);
        assertThat(ContentDisposition.clean(" \u0000 ")).isEqualTo(ContentDisposition.FALLBACK);
    }
}
