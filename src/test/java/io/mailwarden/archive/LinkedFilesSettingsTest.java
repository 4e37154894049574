package io.mailwarden.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mailwarden.archive.linked-files.*}: the defaults work, and a bad value names its key. */
class LinkedFilesSettingsTest {

    private static final Path DATA = Path.of("target/linked-files-settings");

    @Test
    void defaultsFollowQqComLinksUpToTwoGigabytes() {
        ArchiveConfig.LinkedFiles l = settings(Map.of());

        assertThat(l.hosts()).containsExactly("qq.com");
        assertThat(l.maxSize()).isEqualTo("2G");
        assertThat(ArchiveService.downloader(l, DATA)).isNotNull();
    }

    @Test
    void turnedOffDownloadsNothing() {
        assertThat(ArchiveService.downloader(settings(Map.of("mailwarden.archive.linked-files.enabled", "false")), DATA))
                .isNull();
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> ArchiveService.downloader(settings(Map.of(
                "mailwarden.archive.linked-files.max-size", "lots")), DATA))
                .hasMessageStartingWith("mailwarden.archive.linked-files.max-size: ");
        assertThatThrownBy(() -> ArchiveService.downloader(settings(Map.of(
                "mailwarden.archive.linked-files.timeout", "0s")), DATA))
                .hasMessageStartingWith("mailwarden.archive.linked-files.timeout: must be positive");
        assertThatThrownBy(() -> ArchiveService.downloader(settings(Map.of(
                "mailwarden.archive.linked-files.hosts", "qq.com, ,")), DATA))
                .hasMessageStartingWith("mailwarden.archive.linked-files.hosts: ");
    }

    private static ArchiveConfig.LinkedFiles settings(Map<String, String> values) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ArchiveConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // "30s", as Quarkus reads it
                .withSources(new io.smallrye.config.PropertiesConfigSource(values, "test", 500)).build();
        return config.getConfigMapping(ArchiveConfig.class).linkedFiles();
    }
}
