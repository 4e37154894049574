package io.mailwarden.backup.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailwarden.config.MailwardenConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configured snapshots: a wrong setting is refused with its key, before the daemon schedules anything. */
class SnapshotServiceTest {

    @TempDir
    Path tmp;

    record Settings(boolean enabled, Path dir, String cron, int keepDaily, int keepWeekly) implements SnapshotConfig {
    }

    @Test
    void theJobRunsOnTheConfiguredCron() {
        SnapshotJob job = service(new Settings(true, tmp.resolve("backups"), " 0 15 3 ? * SUN ", 7, 4)).job(() -> null);

        assertThat(job.cron()).isEqualTo("0 15 3 ? * SUN");
    }

    @Test
    void badCronIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> service(new Settings(true, tmp.resolve("backups"), "30 2 * * *", 7, 4)).job(() -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mailwarden.backup.cron: '30 2 * * *' is not a Quartz cron expression")
                .hasMessageContaining("seconds come first");
    }

    @Test
    void retentionAndDirectoryMistakesNameTheirKeys() {
        assertThatThrownBy(() -> service(new Settings(true, tmp.resolve("backups"), "0 30 2 * * ?", 0, 4)).job(() -> null))
                .hasMessage("mailwarden.backup.keep-daily: must be at least 1, not 0");
        assertThatThrownBy(() -> service(new Settings(true, tmp.resolve("index/backups"), "0 30 2 * * ?", 7, 4)).snapshots())
                .hasMessageStartingWith("mailwarden.backup.dir: ").hasMessageContaining("outside the data directory");
    }

    @Test
    void disabledSnapshotsScheduleNothing() {
        assertThat(service(new Settings(false, tmp.resolve("backups"), "not even checked", 7, 4)).job(() -> null)).isNull();
    }

    private SnapshotService service(SnapshotConfig settings) {
        Path data = tmp.resolve("index");
        MailwardenConfig config = new MailwardenConfig() {
            @Override
            public Rules rules() {
                return null;
            }

            @Override
            public Plugins plugins() {
                return null;
            }

            @Override
            public Path dataDir() {
                return data;
            }
        };
        return new SnapshotService(config, settings, null, "test");
    }
}
