package io.mailwarden.archive.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.extract.Extraction.Status;
import io.mailwarden.message.parse.PartContent;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionCacheTest {

    @Test
    void readsTheSameFileOnceAndGivesEveryCopyTheSameText() {
        try (TextExtractor extractor = new TextExtractor(ExtractLimits.defaults())) {
            byte[] pdf = Docs.pdf("Quarterly invoice 4711");
            Extraction first = extractor.extract(pdf, "application/pdf", null, "invoice.pdf");
            Extraction copy = extractor.extract(pdf.clone(), "application/pdf", null, "invoice.pdf");

            assertThat(first.text()).contains("Quarterly invoice 4711");
            assertThat(copy).isEqualTo(first);
            assertThat(extractor.repeatsServed()).isEqualTo(1);

            // other hints may give another answer (text/plain bytes named .csv are CSV): read again
            Extraction renamed = extractor.extract(pdf, "application/pdf", null, "other.pdf");
            assertThat(renamed.text()).isEqualTo(first.text());
            assertThat(extractor.repeatsServed()).isEqualTo(1);
            byte[] other = Docs.pdf("Quarterly invoice 4712");
            assertThat(extractor.extract(other, "application/pdf", null, "invoice.pdf").text()).contains("4712");
            assertThat(extractor.repeatsServed()).isEqualTo(1);
        }
    }

    @Test
    void readsASpooledFileEachTimeWithoutHashingItFirst(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("a.pdf"), Docs.pdf("spooled words"));
        try (TextExtractor extractor = new TextExtractor(ExtractLimits.defaults())) {
            for (int i = 0; i < 2; i++) {
                assertThat(extractor.extract(PartContent.of(file), "application/pdf", null, "a.pdf").text())
                        .contains("spooled words");
            }
            assertThat(extractor.repeatsServed()).isZero();
        }
    }

    @Test
    void keepsOnlyWhatTheBytesDecideAndDropsTheLeastRecentlyUsedPastItsBudget() {
        ExtractionCache cache = new ExtractionCache();
        cache.put(key("failed"), new Extraction("", "application/pdf", Status.FAILED, "not attempted: busy"));
        cache.put(key("slow"), new Extraction("", "application/pdf", Status.TIMEOUT, "abandoned"));
        cache.put(key("locked"), new Extraction("", "application/pdf", Status.ENCRYPTED, "password"));
        assertThat(cache.size()).as("a failure or a timeout may be the machine's").isEqualTo(1);

        String third = "x".repeat((int) (ExtractionCache.MAX_CHARS / 3));
        cache.put(key("a"), ok(third));
        cache.put(key("b"), ok(third));
        cache.put(key("c"), ok(third));
        assertThat(cache.get(key("a"))).isNotNull(); // now the most recently used
        cache.put(key("d"), ok(third));

        assertThat(cache.get(key("a"))).isNotNull();
        assertThat(cache.get(key("b"))).as("the least recently used goes first").isNull();
        assertThat(cache.get(key("c"))).isNotNull();
        assertThat(cache.get(key("d"))).isNotNull();
        assertThat(cache.get(key("locked"))).as("dropped before b, being older").isNull();

        cache.put(key("huge"), ok("y".repeat((int) ExtractionCache.MAX_CHARS + 1)));
        assertThat(cache.get(key("huge"))).as("more text than the whole cache holds").isNull();
        assertThat(cache.get(key("d"))).isNotNull();
    }

    private static ExtractionCache.Key key(String content) {
        return ExtractionCache.Key.of(content.getBytes(), "application/pdf", null, content + ".pdf");
    }

    private static Extraction ok(String text) {
        return new Extraction(text, "text/plain", Status.OK, "");
    }
}
