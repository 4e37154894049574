package io.mailwarden.archive.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExtractConfigTest {

    private static ExtractConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withMapping(ExtractConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // "30s", as Quarkus reads it
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build()
                .getConfigMapping(ExtractConfig.class);
    }

    @Test
    void defaultsAreTheDefaultLimits() {
        assertThat(config(Map.of()).limits()).isEqualTo(ExtractLimits.defaults());
    }

    @Test
    void readsEveryKey() {
        ExtractConfig c = config(Map.of("mailwarden.archive.extract.timeout", "5s",
                "mailwarden.archive.extract.max-chars", "100", "mailwarden.archive.extract.max-depth", "1",
                "mailwarden.archive.extract.max-expanded-bytes", "2048", "mailwarden.archive.extract.zip-contents",
                "false"));

        assertThat(c.limits()).isEqualTo(new ExtractLimits(Duration.ofSeconds(5), 100, 1, 2048, false));
    }

    @Test
    void namesTheKeyOfABadValue() {
        assertThatThrownBy(() -> config(Map.of("mailwarden.archive.extract.max-chars", "0")).limits())
                .hasMessage("mailwarden.archive.extract.max-chars must be at least 1, was 0");
    }
}
