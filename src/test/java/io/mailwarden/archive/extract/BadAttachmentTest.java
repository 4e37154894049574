package io.mailwarden.archive.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailwarden.archive.extract.Extraction.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadAttachmentTest {

    private static final TextExtractor extractor = SharedExtractor.DEFAULT;

    private static ExtractLimits with(Duration timeout, int maxChars, int maxDepth, long maxExpanded) {
        return new ExtractLimits(timeout, maxChars, maxDepth, maxExpanded, true, 4_000_000, Duration.ofMinutes(5));
    }

    @Test
    void reportsEncryptedPdf() {
        Extraction e = extractor.extract(Docs.encryptedPdf("secret words"), "application/pdf", null, "locked.pdf");

        assertThat(e.status()).isEqualTo(Status.ENCRYPTED);
        assertThat(e.detectedType()).isEqualTo("application/pdf");
        assertThat(e.problem()).contains("password");
        assertThat(e.text()).doesNotContain("secret words");
    }

    @Test
    void reportsCorruptDocx() {
        byte[] docx = Docs.docx("never seen");
        byte[] corrupt = Arrays.copyOf(docx, docx.length / 2);
        Extraction e = extractor.extract(corrupt, "application/octet-stream", null, "broken.docx");

        assertThat(e.status()).isEqualTo(Status.FAILED);
        assertThat(e.problem()).isNotBlank();
    }

    @Test
    void keepsZipEntriesThatCanBeReadWhenOneIsEncrypted() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("locked.pdf", Docs.encryptedPdf("secret words"));
        entries.put("open.txt", "readable words".getBytes(StandardCharsets.UTF_8));
        Extraction e = extractor.extract(Docs.zip(entries), "application/zip", null, "both.zip");

        assertThat(e.status()).isEqualTo(Status.ENCRYPTED);
        assertThat(e.problem()).contains("locked.pdf");
        assertThat(e.text()).contains("readable words");
    }

    @Test
    void stopsZipBombAtTheExpandedSizeCap() {
        try (TextExtractor small = new TextExtractor(with(Duration.ofSeconds(30), 1_000_000, 3, 4L << 20), 1, 1)) {
            Extraction e = small.extract(Docs.zipBomb(64L << 20), "application/zip", null, "bomb.zip");

            assertThat(e.status()).as(e.text() + "/" + e.problem()).isEqualTo(Status.TOO_LARGE);
            assertThat(e.problem()).contains("4194304 bytes");
        }
    }

    @Test
    void reportsZeroBytesAsEmpty() {
        Extraction e = extractor.extract(new byte[0], "application/pdf", null, "empty.pdf");

        assertThat(e.status()).isEqualTo(Status.EMPTY);
        assertThat(e.text()).isEmpty();
    }

    @Test
    void reportsContentWithoutTextAsEmpty() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0};
        Extraction e = extractor.extract(png, "image/png", null, "logo.png");

        assertThat(e.detectedType()).isEqualTo("image/png");
        assertThat(e.status()).isIn(Status.EMPTY, Status.FAILED);
    }

    @Test
    void truncatesFiftyMegabyteAttachmentAtTheCharacterCap() {
        byte[] big = new byte[50 << 20];
        byte[] line = "1001,北京贸易公司,250.00\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < big.length; i++) {
            big[i] = line[i % line.length];
        }
        Extraction e = extractor.extract(big, "text/csv", "utf-8", "huge.csv");

        assertThat(e.status()).isEqualTo(Status.TRUNCATED);
        assertThat(e.text()).hasSizeLessThanOrEqualTo(ExtractLimits.defaults().maxChars()).contains("北京贸易公司");
        assertThat(e.problem()).contains("1000000 characters");
    }

    @Test
    void stopsAtTheTimeout() {
        try (TextExtractor hasty = new TextExtractor(with(Duration.ofNanos(1), 1_000_000, 3, 1L << 20), 1, 1)) {
            Extraction e = hasty.extract(Docs.pdf("too late"), "application/pdf", null, "slow.pdf");

            assertThat(e.status()).isEqualTo(Status.TIMEOUT);
            assertThat(e.problem()).contains("timeout");
        }
    }

    @Test
    void readsNoDeeperThanTheDepthLimit() {
        byte[] zip = Docs.zip(Map.of("inside.txt", "inside words".getBytes(StandardCharsets.UTF_8)));
        try (TextExtractor flat = new TextExtractor(with(Duration.ofSeconds(30), 1_000_000, 1, 1L << 20), 1, 1)) {
            assertThat(flat.extract(zip, "application/zip", null, "a.zip").text()).doesNotContain("inside words");
        }
        assertThat(extractor.extract(zip, "application/zip", null, "a.zip").text()).contains("inside words");
    }

    @Test
    void rejectsNonsenseLimitsNamingTheLimit() {
        assertThatThrownBy(() -> with(Duration.ZERO, 1, 1, 1))
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> with(Duration.ofSeconds(1), 0, 1, 1))
                .hasMessageContaining("max-chars");
        assertThatThrownBy(() -> with(Duration.ofSeconds(1), 1, 0, 1))
                .hasMessageContaining("max-depth");
        assertThatThrownBy(() -> with(Duration.ofSeconds(1), 1, 1, 0))
                .hasMessageContaining("max-expanded");
        assertThatThrownBy(() -> new ExtractLimits(Duration.ofSeconds(1), 1, 1, 1, true, 0, Duration.ofMinutes(1)))
                .hasMessageContaining("max-message-chars must be at least 1, was 0");
        assertThatThrownBy(() -> new ExtractLimits(Duration.ofSeconds(1), 1, 1, 1, true, 1, Duration.ZERO))
                .hasMessageContaining("message-timeout must be positive");
    }
}
