package io.mailwarden.archive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ContentHash;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawStoreTest {

    @TempDir
    Path data;

    private static final byte[] MAIL = "Subject: 发票\r\nMessage-ID: <a@b>\r\n\r\nbody\r\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void keepsBytesExactlyAndReadableWithGunzip() throws IOException {
        RawStore store = new RawStore(data);
        RawStore.Stored s = store.put(MAIL);

        assertThat(s.hash()).isEqualTo(ContentHash.of(MAIL));
        assertThat(store.read(s.hash())).isEqualTo(MAIL);
        Path file = store.path(s.hash());
        assertThat(file.toString()).endsWith(s.hash().substring(0, 2) + "/" + s.hash().substring(2, 4) + "/"
                + s.hash() + ".eml.gz");
        // what zcat does: no mailwarden needed to get the .eml back
        try (var in = new GZIPInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            assertThat(in.readAllBytes()).isEqualTo(MAIL);
        }
    }

    @Test
    void storesTheSameBytesOnce() throws IOException {
        RawStore store = new RawStore(data);
        assertThat(store.put(MAIL).written()).isTrue();
        assertThat(store.put(MAIL.clone()).written()).isFalse();
        try (var all = store.hashes()) {
            assertThat(all.toList()).containsExactly(ContentHash.of(MAIL));
        }
    }

    @Test
    void storesASpooledMessageAsTheSameBytesAndLoadsABigOneIntoTheSpool() throws IOException {
        RawStore store = new RawStore(data);
        byte[] big = new byte[(int) RawStore.IN_MEMORY_MAX + 1000];
        new java.util.Random(3).nextBytes(big);
        System.arraycopy(MAIL, 0, big, 0, MAIL.length);
        Files.createDirectories(store.spool());
        Path spooled = Files.write(store.spool().resolve("fetched.eml"), big);

        RawStore.Stored s;
        try (RawMessage raw = RawMessage.spooled(spooled)) {
            s = store.put(raw, null);
        }

        assertThat(s.hash()).isEqualTo(ContentHash.of(big));
        assertThat(s.size()).isEqualTo(big.length);
        assertThat(spooled).as("closing the spooled message deletes its file").doesNotExist();
        try (RawMessage loaded = store.load(s.hash(), big.length)) {
            assertThat(loaded).isInstanceOf(RawMessage.Spooled.class);
            try (var in = loaded.open()) {
                assertThat(in.readAllBytes()).isEqualTo(big);
            }
        }
        try (RawMessage small = store.load(store.put(MAIL).hash(), MAIL.length)) {
            assertThat(small).isInstanceOf(RawMessage.InMemory.class);
            assertThat(((RawMessage.InMemory) small).bytes()).isEqualTo(MAIL);
        }
        try (var left = Files.list(store.spool())) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void repairRemovesStaleSpoolFilesAndKeepsThoseInUse() throws IOException {
        RawStore store = new RawStore(data);
        Files.createDirectories(store.spool().resolve("parts"));
        Path cut = Files.write(store.spool().resolve("fetch-7-123.eml"), MAIL); // a fetch a crash cut short
        Path part = Files.write(store.spool().resolve("parts").resolve("part-1.tmp"), MAIL);
        Path inUse = Files.write(store.spool().resolve("export-1.eml"), MAIL); // an export running beside
        FileTime old = FileTime.from(Instant.now().minus(RawStore.SPOOL_STALE).minusSeconds(60));
        Files.setLastModifiedTime(cut, old);
        Files.setLastModifiedTime(part, old);

        assertThat(store.repair()).isEqualTo(2);
        assertThat(cut).doesNotExist();
        assertThat(part).doesNotExist();
        assertThat(inUse).exists();
    }

    @Test
    void repairRemovesLeftoversOfACrashedWriteAndKeepsWholeFiles() throws IOException {
        RawStore store = new RawStore(data);
        String hash = store.put(MAIL).hash();
        Path leftover = store.path(hash).resolveSibling(hash + ".1234.tmp");
        Files.write(leftover, new byte[] {1, 2, 3}); // a write that never reached its rename

        assertThat(store.repair()).isEqualTo(1);
        assertThat(leftover).doesNotExist();
        assertThat(store.read(hash)).isEqualTo(MAIL);
        try (var all = store.hashes()) {
            assertThat(all.toList()).containsExactly(hash);
        }
    }

    @Test
    void detectsAlteredFiles() throws IOException {
        RawStore store = new RawStore(data);
        String hash = store.put(MAIL).hash();
        assertThat(store.intact(hash)).isTrue();

        Files.write(store.path(hash), gzip("Subject: forged\r\n\r\n"));
        assertThat(store.intact(hash)).isFalse();
        Files.write(store.path(hash), new byte[] {0x1f, (byte) 0x8b, 8});
        assertThat(store.intact(hash)).isFalse();
    }

    @Test
    void refusesNamesThatAreNotHashes() {
        RawStore store = new RawStore(data);
        for (String bad : List.of("../../etc/passwd", "ABC", "")) {
            assertThatThrownBy(() -> store.read(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.read("0".repeat(64))).isInstanceOf(NoSuchFileException.class);
    }

    /** gzip of a text, for planting a forged file. */
    private static byte[] gzip(String s) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(s.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
