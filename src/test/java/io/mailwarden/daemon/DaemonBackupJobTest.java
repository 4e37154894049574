package io.mailwarden.daemon;

import static io.mailwarden.daemon.DaemonHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.backup.snapshot.IndexSource;
import io.mailwarden.backup.snapshot.Retention;
import io.mailwarden.backup.snapshot.SnapshotInfo;
import io.mailwarden.backup.snapshot.SnapshotJob;
import io.mailwarden.backup.snapshot.Snapshots;
import io.mailwarden.backup.snapshot.StateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The daemon schedules the snapshot job on its cron, and the job takes a snapshot when it fires. */
class DaemonBackupJobTest {

    @RegisterExtension
    final DaemonHarness h = new DaemonHarness();

    @TempDir
    Path tmp;

    @Test
    void snapshotJobIsScheduledOnTheConfiguredCronAndTakesASnapshotWhenItFires() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("index"));
        Files.writeString(data.resolve("README.md"), "data directory");
        Snapshots snapshots = new Snapshots(data, tmp.resolve("backups"), new Retention(7, 4, ZoneOffset.UTC), "test",
                Clock.systemUTC());
        h.rules("rules: []\n").backup(new SnapshotJob("0 30 2 * * ?",
                () -> snapshots.takeAndPrune(IndexSource.committed(data.resolve("lucene")), StateSource.NONE))).start();

        assertThat(h.scheduler().cron("backup")).isEqualTo("0 30 2 * * ?");
        h.scheduler().fire("backup");

        await("the snapshot is taken", () -> taken(snapshots));
        assertThat(snapshots.list().getFirst().manifest().counts().files()).as("the README").isEqualTo(1);
    }

    private static boolean taken(Snapshots snapshots) {
        try {
            return snapshots.list().stream().anyMatch(SnapshotInfo::complete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withoutASnapshotJobNothingIsScheduledForBackups() throws Exception {
        h.rules("rules: []\n").start();

        assertThat(h.scheduler().ids()).doesNotContain("backup");
    }
}
