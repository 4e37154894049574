package io.mailwarden.backup.restore;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineEndsTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a\r\nb\r\n", "a\nb\n", "a\rb", "ends with CR\r", "\nstarts bare", "mixed\r\n\n\r\r\nx"})
    void scanHashesWhatTheConversionWritesAndTellsWhetherItChangesAnything(String text) throws IOException {
        byte[] raw = text.getBytes(StandardCharsets.US_ASCII);
        byte[] converted = LineEnds.crlf(raw);

        LineEnds.Scan scan = LineEnds.scan(new ByteArrayInputStream(raw));

        assertThat(scan.hash()).isEqualTo(Sha256.of(converted));
        assertThat(scan.bare()).isEqualTo(converted != raw);
    }
}
