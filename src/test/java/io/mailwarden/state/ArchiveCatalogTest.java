package io.mailwarden.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.state.ArchivedLocation.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchiveCatalogTest {

    private final TestState state = new TestState();
    private final ArchiveCatalog catalog = state.archive;

    private static ArchivedLocation at(String folder, long uid, String hash) {
        return new ArchivedLocation(ArchivedLocation.idOf("acme", folder, 7, uid), "acme", folder, 7, uid, hash, "<m@x>",
                120, Instant.parse("2026-11-01T08:00:00Z"), Set.of("seen", "$Label1"), List.of("invoices"),
                Status.PRESENT, Instant.now());
    }

    @Test
    void archivingThePlaceTwiceAddsOneRow() {
        assertThat(catalog.add(at("INBOX", 1, "a".repeat(64)))).isTrue();
        assertThat(catalog.add(at("INBOX", 1, "a".repeat(64)))).isFalse();

        ArchivedLocation read = catalog.findAt("acme", "INBOX", 7, 1).orElseThrow();
        assertThat(read.flags()).containsExactlyInAnyOrder("seen", "$Label1");
        assertThat(read.imapFlags()).containsExactlyInAnyOrder("\\Seen", "$Label1");
        assertThat(read.rules()).containsExactly("invoices");
        assertThat(read.internalDate()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(catalog.count()).isEqualTo(1);
    }

    @Test
    void sameMessageInTwoFoldersIsKnownInBoth() {
        catalog.add(at("INBOX", 1, "a".repeat(64)));
        catalog.add(at("财务/发票", 9, "a".repeat(64)));
        List<ArchivedLocation> all = new ArrayList<>();
        catalog.forEach(all::add);
        assertThat(all).extracting(ArchivedLocation::folder).containsExactlyInAnyOrder("INBOX", "财务/发票");
    }

    @Test
    void movedMessageGetsItsUidWhenFoundAgain() {
        String hash = "b".repeat(64);
        ArchivedLocation moved = new ArchivedLocation(ArchivedLocation.movedIdOf("acme", "归档", hash), "acme", "归档", 0, 0,
                hash, "", 10, null, Set.of(), List.of(), Status.PRESENT, Instant.now());
        catalog.add(moved);

        assertThat(catalog.findMoved("acme", "归档", hash)).isPresent();
        catalog.place(moved.id(), 42, 5);
        assertThat(catalog.find(moved.id()).orElseThrow().uid()).isEqualTo(5);
        assertThat(catalog.findMoved("acme", "归档", hash)).isEmpty();
    }

    @Test
    void recordsABatchsPlacesUidsAndProgressTogether() {
        String hash = "b".repeat(64);
        ArchivedLocation moved = new ArchivedLocation(ArchivedLocation.movedIdOf("acme", "INBOX", hash), "acme", "INBOX",
                0, 0, hash, "", 10, null, Set.of(), List.of(), Status.PRESENT, Instant.now());
        catalog.add(moved);
        assertThat(catalog.awaitingUid("acme", "INBOX")).containsOnlyKeys(hash);

        catalog.recordBatch(List.of(at("INBOX", 1, "a".repeat(64)), at("INBOX", 1, "a".repeat(64))),
                List.of(moved.at(7, 2)), "acme", "INBOX", 7, 2);

        assertThat(catalog.uids("acme", "INBOX", 7)).containsExactlyInAnyOrder(1L, 2L);
        assertThat(catalog.awaitingUid("acme", "INBOX")).isEmpty();
        assertThat(catalog.progress("acme", "INBOX").orElseThrow().lastUid()).isEqualTo(2);
        assertThat(catalog.count()).isEqualTo(2);
    }

    @Test
    void aBatchKeepsThePlacesTheWatcherArchivedMeanwhile() {
        ArchivedLocation fromBatch = at("INBOX", 3, "c".repeat(64));
        ArchivedLocation watched = new ArchivedLocation(fromBatch.id(), "acme", "INBOX", 7, 3, fromBatch.contentHash(),
                "<m@x>", 120, null, Set.of("flagged"), List.of("watcher-rule"), Status.PRESENT, Instant.now());
        catalog.add(watched);

        catalog.recordBatch(List.of(at("INBOX", 1, "a".repeat(64)), fromBatch, at("INBOX", 4, "d".repeat(64))),
                List.of(), "acme", "INBOX", 7, 4);

        assertThat(catalog.uids("acme", "INBOX", 7)).containsExactlyInAnyOrder(1L, 3L, 4L);
        assertThat(catalog.count()).isEqualTo(3);
        assertThat(catalog.find(watched.id()).orElseThrow().rules()).containsExactly("watcher-rule");
    }

    @Test
    void deletedPlacesAreKeptButNoLongerPresent() {
        catalog.add(at("INBOX", 1, "a".repeat(64)));
        catalog.add(at("INBOX", 2, "c".repeat(64)));
        catalog.setStatus(ArchivedLocation.idOf("acme", "INBOX", 7, 1), Status.DELETED);

        assertThat(catalog.presentUids("acme", "INBOX", 7)).containsExactly(2L);
        assertThat(catalog.findAt("acme", "INBOX", 7, 1).orElseThrow().status()).isEqualTo(Status.DELETED);
    }

    @Test
    void listsEveryRowAcrossPages() {
        for (int uid = 1; uid <= 1500; uid++) {
            catalog.add(at("INBOX", uid, String.format("%064x", uid)));
        }
        List<ArchivedLocation> all = new ArrayList<>();
        catalog.forEach(all::add);
        assertThat(all).hasSize(1500);
        assertThat(all.stream().map(ArchivedLocation::id).distinct().count()).isEqualTo(1500);
    }

    @Test
    void progressIsPerFolderAndReplacedOnNewUidValidity() {
        assertThat(catalog.progress("acme", "INBOX")).isEmpty();
        catalog.saveProgress("acme", "INBOX", 7, 10);
        catalog.saveProgress("acme", "INBOX", 7, 20);
        assertThat(catalog.progress("acme", "INBOX").orElseThrow().lastUid()).isEqualTo(20);
        catalog.saveProgress("acme", "INBOX", 8, 3);
        Checkpoint p = catalog.progress("acme", "INBOX").orElseThrow();
        assertThat(p.uidValidity()).isEqualTo(8);
        assertThat(p.lastUid()).isEqualTo(3);
        assertThat(catalog.progress("acme", "Sent")).isEmpty();
    }

    @Test
    void forgettingAnAccountNamesTheBytesOnlyItsPlacesHeld() {
        String own = "c".repeat(64);
        String shared = "d".repeat(64);
        catalog.add(at("INBOX", 1, own));
        catalog.add(at("Archive", 2, own));
        catalog.add(at("INBOX", 3, shared));
        catalog.add(new ArchivedLocation(ArchivedLocation.idOf("other", "INBOX", 1, 1), "other", "INBOX", 1, 1, shared,
                "<m@x>", 120, null, Set.of(), List.of(), Status.PRESENT, Instant.now()));
        catalog.saveProgress("acme", "INBOX", 7, 3);

        assertThat(catalog.forgetAccount("acme")).containsExactly(own);
        assertThat(catalog.count()).isEqualTo(1);
        assertThat(catalog.progress("acme", "INBOX")).isEmpty();
        assertThat(catalog.forgetAccount("acme")).isEmpty();
    }
}
