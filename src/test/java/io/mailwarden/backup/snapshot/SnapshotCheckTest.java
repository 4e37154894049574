package io.mailwarden.backup.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.state.ContentHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup verify: each kind of damage is found and named with its file. */
class SnapshotCheckTest {

    /** One snapshot for the class; each test damages its own copy. */
    @TempDir
    static Path shared;

    @TempDir
    Path tmp;

    private static Path taken;
    private static String message;
    private Path snapshot;

    @BeforeAll
    static void takeOne() throws Exception {
        try (SnapshotFixture f = new SnapshotFixture(shared)) {
            message = MessageFiles.relative(ContentHash.of(f.archive("INBOX", "发票", "请查收")));
            f.archive("INBOX", "second", "another message");
            // copies, not links: damaging a snapshot must not damage the data directory (and the other way round)
            Snapshots snapshots = new Snapshots(f.data, f.backups, new Retention(7, 4, ZoneOffset.UTC), "test",
                    Clock.fixed(Instant.parse("2026-06-02T02:30:00Z"), ZoneOffset.UTC), false);
            taken = f.backups.resolve(snapshots.take(f.liveIndex(), f.state()).name());
        }
    }

    @BeforeEach
    void copy() throws Exception {
        snapshot = tmp.resolve(taken.getFileName());
        try (Stream<Path> all = Files.walk(taken)) {
            for (Path p : all.toList()) {
                Files.copy(p, snapshot.resolve(taken.relativize(p).toString()));
            }
        }
    }

    @Test
    void intactSnapshotPasses() throws Exception {
        SnapshotCheck.Report r = SnapshotCheck.verify(snapshot);

        assertThat(r.problems()).isEmpty();
        assertThat(r.manifest().counts().messages()).isEqualTo(2);
        assertThat(r.files()).isEqualTo(r.manifest().counts().files());
    }

    @Test
    void flippedByteInAMessageIsAWrongHashOfItsContent() throws Exception {
        flipLastByte(snapshot.resolve(message)); // inside the gzip trailer or data: the file's size stays

        assertThat(SnapshotCheck.verify(snapshot).problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(SnapshotCheck.Kind.WRONG_HASH);
            assertThat(p.path()).isEqualTo(message);
        });
    }

    @Test
    void flippedByteInAnIndexFileIsAWrongHash() throws Exception {
        Path indexFile;
        try (Stream<Path> s = Files.list(snapshot.resolve("lucene"))) {
            indexFile = s.filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
        }
        flipLastByte(indexFile);

        assertThat(SnapshotCheck.verify(snapshot).problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(SnapshotCheck.Kind.WRONG_HASH);
            assertThat(p.path()).isEqualTo("lucene/" + indexFile.getFileName());
        });
    }

    @Test
    void missingTruncatedAndExtraFilesAreEachNamed() throws Exception {
        Files.delete(snapshot.resolve(message));
        Path zip = snapshot.resolve(SnapshotTaker.STATE_ZIP);
        byte[] bytes = Files.readAllBytes(zip);
        Files.write(zip, java.util.Arrays.copyOf(bytes, bytes.length - 10));
        Files.writeString(snapshot.resolve("messages/stray.eml.gz"), "not from the archive");

        assertThat(SnapshotCheck.verify(snapshot).problems()).extracting(Object::toString).containsExactly(
                "MISSING " + message,
                "EXTRA messages/stray.eml.gz: not in the manifest",
                "WRONG SIZE state/h2-backup.zip: expected " + bytes.length + " bytes, found " + (bytes.length - 10));
    }

    @Test
    void snapshotWithoutManifestIsNotWhole() throws Exception {
        Files.delete(snapshot.resolve(Manifest.FILE));

        assertThat(SnapshotCheck.verify(snapshot).problems()).extracting(Object::toString)
                .containsExactly("BAD MANIFEST manifest.json: missing: an unfinished snapshot, or not a snapshot");
    }

    private static void flipLastByte(Path file) throws Exception {
        byte[] b = Files.readAllBytes(file);
        b[b.length - 1] ^= 0x01;
        Files.write(file, b);
    }
}
