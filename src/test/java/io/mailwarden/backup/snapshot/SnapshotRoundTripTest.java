package io.mailwarden.backup.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailwarden.archive.ArchiveCheck;
import io.mailwarden.search.SearchPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Archive → snapshot → wipe → restore-snapshot → the archive verifies and every search answers as before. */
class SnapshotRoundTripTest {

    private static final List<String> QUERIES = List.of("发票", "合同 付款", "invoice", "from:vendor.example",
            "subject:report -quarterly", "folder:财务", "\"budget review\"", "is:read", "after:2026-06-01");

    @RegisterExtension
    final SnapshotFixture f = new SnapshotFixture();

    @Test
    void restoredDataDirectoryVerifiesAndAnswersEverySearchAlike() throws Exception {
        f.archive("INBOX", "三月份增值税发票", "请查收发票，金额 12,000 元。");
        f.archive("INBOX", "Invoice 2026-117", "Please find the invoice for May attached.");
        f.archive("财务", "合同付款通知", "合同第二期付款已安排。");
        f.archive("财务", "Quarterly report", "The quarterly report is ready.");
        f.archive("INBOX", "Weekly report", "Budget review on Friday.");
        f.archive("INBOX", "Re: budget review", "Agreed, see you at the budget review.");
        Files.writeString(f.data.resolve("http-token"), "secret-token\n", StandardCharsets.US_ASCII);
        f.index.commit();
        List<SearchPage> before = SnapshotFixture.searches(f.data, QUERIES);
        assertThat(before).as("the queries find something").anyMatch(p -> p.total() > 0);

        Snapshots snapshots = f.snapshots(Clock.fixed(Instant.parse("2026-06-02T02:30:00Z"), ZoneOffset.UTC));
        Manifest taken = snapshots.take(f.liveIndex(), f.state());
        assertThat(taken.counts().messages()).isEqualTo(6);
        assertThat(taken.state()).isEqualTo("h2");
        f.closeArchive();
        Snapshots.deleteTree(f.data);

        Path snapshot = f.backups.resolve(taken.name());
        SnapshotCheck.Report check = snapshots.verify(snapshot);
        assertThat(check.problems()).isEmpty();
        Snapshots.Restored restored = snapshots.restore(check, false);

        assertThat(restored.previous()).as("nothing was there to put aside").isNull();
        ArchiveCheck.Report verify = SnapshotFixture.verifyArchive(f.data, f.db);
        assertThat(verify.problems()).isEmpty();
        assertThat(verify.places()).isEqualTo(6);
        assertThat(verify.indexed()).isEqualTo(6);
        assertThat(SnapshotFixture.searches(f.data, QUERIES)).isEqualTo(before);
        assertThat(Files.readString(f.data.resolve("http-token"))).isEqualTo("secret-token\n");
    }

    @Test
    void restoreRefusesWhileTheDaemonHoldsTheIndexAndMovesAnArchiveAsideOnlyWithForce() throws Exception {
        f.archive("INBOX", "old mail", "kept");
        Snapshots snapshots = f.snapshots(Clock.fixed(Instant.parse("2026-06-02T02:30:00Z"), ZoneOffset.UTC));
        Manifest taken = snapshots.take(f.liveIndex(), f.state());
        f.archive("INBOX", "newer mail", "archived after the snapshot");
        SnapshotCheck.Report check = snapshots.verify(f.backups.resolve(taken.name()));

        assertThatThrownBy(() -> snapshots.restore(check, true)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("write.lock is held").hasMessageContaining("Stop it first");
        f.closeArchive();
        assertThatThrownBy(() -> snapshots.restore(check, false)).isInstanceOf(SnapshotException.class)
                .hasMessageContaining("already holds an archive").hasMessageContaining("--force");
        assertThat(f.store.hashes().count()).as("nothing changed").isEqualTo(2);

        Snapshots.Restored restored = snapshots.restore(check, true);

        assertThat(restored.previous()).isEqualTo(f.root.resolve("index.before-restore-20260602T023000Z"));
        assertThat(new io.mailwarden.archive.store.RawStore(restored.previous()).hashes().count())
                .as("the replaced archive is kept whole").isEqualTo(2);
        assertThat(f.store.hashes().count()).isEqualTo(1);
        assertThat(SnapshotFixture.verifyArchive(f.data, f.db).problems()).isEmpty();
    }
}
