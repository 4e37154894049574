package io.mailwarden.backup.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keep N daily / M weekly: which snapshots survive a prune, on a fake clock. */
class RetentionTest {

    /** A Monday. */
    private static final Instant START = Instant.parse("2026-06-01T02:30:00Z");

    @TempDir
    Path tmp;

    @Test
    void nightlySnapshotsForSixWeeksKeepTheLastSevenDaysAndTheNewestOfTheLastFourWeeks() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("index"));
        List<String> taken = IntStream.range(0, 42).mapToObj(day -> take(data, START.plus(Duration.ofDays(day)))).toList();

        List<String> removed = snapshots(data, START).prune();

        // day 41 is Sunday 2026-07-12: the last 7 days are days 35..41 (week 28), and the newest of weeks 27, 26, 25
        List<String> kept = new Snapshots(data, tmp.resolve("backups"), new Retention(7, 4, ZoneOffset.UTC), "test",
                Clock.systemUTC()).list().stream().map(SnapshotInfo::name).toList();
        assertThat(kept).containsExactly(taken.get(20), taken.get(27), taken.get(34), taken.get(35), taken.get(36),
                taken.get(37), taken.get(38), taken.get(39), taken.get(40), taken.get(41));
        assertThat(removed).hasSize(32).doesNotContainAnyElementsOf(kept);
    }

    @Test
    void severalSnapshotsOnOneDayCountAsThatDaysNewest() {
        Retention r = new Retention(2, 0, ZoneOffset.UTC);
        Instant monMorning = START;
        Instant monEvening = START.plus(Duration.ofHours(12));
        Instant tue = START.plus(Duration.ofDays(1));
        Instant sundayBefore = START.minus(Duration.ofDays(1));

        assertThat(r.keep(List.of(sundayBefore, monMorning, monEvening, tue))).containsExactlyInAnyOrder(monEvening, tue);
    }

    @Test
    void unfinishedSnapshotsArePruned() throws Exception {
        Path data = Files.createDirectories(tmp.resolve("index"));
        take(data, START);
        Path leftover = Files.createDirectories(tmp.resolve("backups/20260602T023000Z.partial/messages"));

        assertThat(snapshots(data, START).list()).extracting(SnapshotInfo::complete).containsExactly(true, false);
        assertThat(snapshots(data, START).prune()).containsExactly("20260602T023000Z.partial");
        assertThat(leftover.getParent()).doesNotExist();
    }

    private String take(Path data, Instant at) {
        try {
            return snapshots(data, at).take(() -> null, StateSource.NONE).name();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Snapshots snapshots(Path data, Instant at) {
        return new Snapshots(data, tmp.resolve("backups"), new Retention(7, 4, ZoneOffset.UTC), "test",
                Clock.fixed(at, ZoneOffset.UTC));
    }
}
