package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MultipartSplitterTest {

    private static InputStream b(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void findsABoundaryOnlyAtTheStartOfALine() throws IOException {
        assertThat(MultipartSplitter.hasBoundaryLine(b("--b1\r\nx"), "--b1")).isTrue();
        assertThat(MultipartSplitter.hasBoundaryLine(b("preamble\r\n--b1\r\n"), "--b1")).isTrue();
        assertThat(MultipartSplitter.hasBoundaryLine(b("text --b1 inside a line\r\n"), "--b1")).isFalse();
        assertThat(MultipartSplitter.hasBoundaryLine(b("ends with\n--b"), "--b1")).isFalse();
        assertThat(MultipartSplitter.hasBoundaryLine(b(""), "--")).isFalse();
        assertThat(MultipartSplitter.hasBoundaryLine(b("a\n-x\n--b1"), "--b1")).isTrue();
    }
}
