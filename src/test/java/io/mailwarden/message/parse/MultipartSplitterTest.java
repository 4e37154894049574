package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartSplitterTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void findsABoundaryOnlyAtTheStartOfALine() {
        assertThat(MultipartSplitter.hasBoundaryLine(b("--b1\r\nx"), "--b1")).isTrue();
        assertThat(MultipartSplitter.hasBoundaryLine(b("preamble\r\n--b1\r\n"), "--b1")).isTrue();
        assertThat(MultipartSplitter.hasBoundaryLine(b("text --b1 inside a line\r\n"), "--b1")).isFalse();
        assertThat(MultipartSplitter.hasBoundaryLine(b("ends with\n--b"), "--b1")).isFalse();
        assertThat(MultipartSplitter.hasBoundaryLine(b(""), "--")).isFalse();
    }
}
