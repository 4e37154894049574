package io.mailwarden.backup.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailwarden.archive.ArchiveCheck;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ContentHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Taking snapshots: hot and consistent while the archive is written, incremental, and never half-done. */
class SnapshotTakeTest {

    private static final Instant NIGHT = Instant.parse("2026-06-02T02:30:00Z");

    @RegisterExtension
    final SnapshotFixture f = new SnapshotFixture();

    @Test
    void snapshotTakenWhileMailIsArchivedAndCommittedRestoresToAConsistentArchive() throws Exception {
        hotSnapshotRestoresConsistently(false);
    }

    @Test
    void snapshotFromTheLastCommitWithoutTheWriteLockIsConsistentToo() throws Exception {
        hotSnapshotRestoresConsistently(true);
    }

    /** @param committed read the index as last committed (as 'backup now' does beside a running daemon) */
    private void hotSnapshotRestoresConsistently(boolean committed) throws Exception {
        for (int i = 0; i < 5; i++) {
            f.archive("INBOX", "before " + i, "archived before the snapshot " + i);
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger during = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                while (!stop.get()) {
                    f.archive("INBOX", "during " + during.get(), "archived while the snapshot is taken");
                    if (during.incrementAndGet() % 3 == 0) {
                        f.index.commit(); // new commits while the snapshot copies an older one
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        while (during.get() < 4) { // the writer committed at least once: the last commit is not the empty first one
            Thread.sleep(10);
        }
        IndexSource source = committed ? IndexSource.committed(f.data.resolve("lucene")) : f.liveIndex();
        Manifest taken;
        try {
            taken = f.snapshots(Clock.fixed(NIGHT, ZoneOffset.UTC)).take(source, f.state());
        } finally {
            stop.set(true);
            writer.join();
        }
        int atEnd = during.get();
        assertThat(atEnd).as("mail was archived while the snapshot was taken").isGreaterThan(4);
        f.closeArchive();
        Snapshots.deleteTree(f.data);

        Snapshots snapshots = f.snapshots(Clock.systemUTC());
        SnapshotCheck.Report check = snapshots.verify(f.backups.resolve(taken.name()));
        assertThat(check.problems()).isEmpty();
        snapshots.restore(check, false);
        f.open();
        f.repair(); // as restore-snapshot does: places catalogued while the index commit was made get indexed
        f.closeArchive();

        ArchiveCheck.Report verify = SnapshotFixture.verifyArchive(f.data, f.db);
        assertThat(verify.problems()).as("store, catalog and index agree").isEmpty();
        assertThat(verify.places()).as("at least what was archived before, at most all").isBetween(5L, 5L + atEnd);
        assertThat(verify.stored()).isEqualTo(verify.places());
        assertThat(verify.indexed()).isEqualTo(verify.places());
    }

    @Test
    void secondSnapshotLinksUnchangedMessagesToTheFirstsCopyAndCopiesOnlyNewOnes() throws Exception {
        byte[] old = f.archive("INBOX", "old", "in both snapshots");
        // as when the backups are on another file system: files from the data directory are copied
        Snapshots first = new Snapshots(f.data, f.backups, new Retention(7, 4, ZoneOffset.UTC), "test",
                Clock.fixed(NIGHT, ZoneOffset.UTC), false);
        Manifest one = first.take(f.liveIndex(), f.state());
        byte[] fresh = f.archive("INBOX", "new", "only in the second");
        Snapshots second = new Snapshots(f.data, f.backups, new Retention(7, 4, ZoneOffset.UTC), "test",
                Clock.fixed(NIGHT.plus(Duration.ofDays(1)), ZoneOffset.UTC), false);
        Manifest two = second.take(f.liveIndex(), f.state());

        String oldFile = MessageFiles.relative(ContentHash.of(old));
        Object inData = Files.getAttribute(f.data.resolve(oldFile), "unix:ino");
        Object inFirst = Files.getAttribute(f.backups.resolve(one.name()).resolve(oldFile), "unix:ino");
        Object inSecond = Files.getAttribute(f.backups.resolve(two.name()).resolve(oldFile), "unix:ino");
        assertThat(inFirst).as("copied from the data directory").isNotEqualTo(inData);
        assertThat(inSecond).as("the same file as the first snapshot's").isEqualTo(inFirst);
        assertThat(one.counts().linkedFromPrevious()).isZero();
        assertThat(two.counts().messages()).isEqualTo(2);
        assertThat(two.counts().linkedFromPrevious()).isEqualTo(1);
        String freshFile = MessageFiles.relative(ContentHash.of(fresh));
        assertThat(f.backups.resolve(one.name()).resolve(freshFile)).doesNotExist();
        assertThat(Files.getAttribute(f.backups.resolve(two.name()).resolve(freshFile), "unix:ino"))
                .isNotEqualTo(Files.getAttribute(f.data.resolve(freshFile), "unix:ino"));

        first.prune(); // retention keeps both (two days), so nothing to see; deleting the first must not hurt the second
        Snapshots.deleteTree(f.backups.resolve(one.name()));
        assertThat(second.verify(f.backups.resolve(two.name())).problems()).as("self-contained").isEmpty();
    }

    @Test
    void snapshotKeepsTheFilesMessagesLinkToAndRestoresThem() throws Exception {
        f.archive("INBOX", "big file", "see the link");
        byte[] file = "the 文件中转站 file's bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String hash = RawStore.files(f.data).put(RawMessage.of(file), null).hash();
        Manifest m = f.snapshots(Clock.fixed(NIGHT, ZoneOffset.UTC)).take(f.liveIndex(), f.state());
        assertThat(m.counts().messages()).as("a linked file is not a message").isEqualTo(1);
        f.closeArchive();
        Snapshots.deleteTree(f.data);

        Snapshots snapshots = f.snapshots(Clock.systemUTC());
        SnapshotCheck.Report check = snapshots.verify(f.backups.resolve(m.name()));
        assertThat(check.problems()).isEmpty();
        snapshots.restore(check, false);

        assertThat(RawStore.files(f.data).read(hash)).isEqualTo(file);
    }

    @Test
    void onSameFileSystemNewMessagesAreHardLinksToTheDataDirectory() throws Exception {
        byte[] raw = f.archive("INBOX", "linked", "no copy needed");
        Manifest m = f.snapshots(Clock.fixed(NIGHT, ZoneOffset.UTC)).take(f.liveIndex(), f.state());

        String file = MessageFiles.relative(ContentHash.of(raw));
        assertThat(Files.getAttribute(f.backups.resolve(m.name()).resolve(file), "unix:ino"))
                .isEqualTo(Files.getAttribute(f.data.resolve(file), "unix:ino"));
    }

    @Test
    void failedSnapshotLeavesNothingThatLooksLikeASnapshot() throws Exception {
        f.archive("INBOX", "mail", "body");
        Snapshots snapshots = f.snapshots(Clock.fixed(NIGHT, ZoneOffset.UTC));

        assertThatThrownBy(() -> snapshots.take(f.liveIndex(), zip -> {
            throw new IllegalStateException("disk full");
        })).hasMessageContaining("disk full");

        assertThat(snapshots.list()).isEmpty();
        try (var left = Files.list(f.backups)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly(BackupLock.FILE);
        }
        assertThat(snapshots.take(f.liveIndex(), f.state()).name()).as("the next one works").isEqualTo("20260602T023000Z");
    }
}
