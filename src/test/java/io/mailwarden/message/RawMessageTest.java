package io.mailwarden.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailwarden.state.ContentHash;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawMessageTest {

    @TempDir
    Path dir;

    /** Bigger than the 64 KiB a stream is hashed in, so the spooled hash takes several reads. */
    private static final byte[] BIG = new byte[200_003];

    static {
        new Random(7).nextBytes(BIG);
    }

    @Test
    void hashesAsTheContentHashWhetherInMemoryOrSpooled() throws IOException {
        try (RawMessage spooled = RawMessage.spooled(Files.write(dir.resolve("m.eml"), BIG))) {
            String hash = RawMessage.of(BIG).sha256();

            assertThat(hash).matches("[0-9a-f]{64}").isEqualTo(ContentHash.of(BIG));
            assertThat(spooled.sha256()).isEqualTo(hash);
            assertThat(ContentHash.of(new ByteArrayInputStream(BIG))).isEqualTo(hash);
        }
        assertThat(RawMessage.of("abc".getBytes(StandardCharsets.US_ASCII)).sha256()) // FIPS 180-2's example
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void writesTheSameBytesWhetherInMemoryOrSpooled() throws IOException {
        ByteArrayOutputStream fromMemory = new ByteArrayOutputStream();
        ByteArrayOutputStream fromFile = new ByteArrayOutputStream();
        RawMessage.of(BIG).writeTo(fromMemory);
        try (RawMessage spooled = RawMessage.spooled(Files.write(dir.resolve("m.eml"), BIG))) {
            spooled.writeTo(fromFile);
        }
        assertThat(fromMemory.toByteArray()).isEqualTo(BIG);
        assertThat(fromFile.toByteArray()).isEqualTo(BIG);
    }

    @Test
    void spoolsIntoANewFileTheMessageOwns() throws IOException {
        Path spool = dir.resolve("spool");
        RawMessage m = RawMessage.spool(spool, "fetch-7", file -> {
            Files.write(file, BIG);
            return true;
        });

        Path file = ((RawMessage.Spooled) m).file();
        assertThat(file.getParent()).isEqualTo(spool);
        assertThat(file.getFileName().toString()).startsWith("fetch-7-").endsWith(".eml");
        assertThat(m.size()).isEqualTo(BIG.length);
        m.close();
        assertThat(file).doesNotExist();
    }

    @Test
    void leavesNoSpoolFileWhenFillingFailsOrFindsNoMessage() throws IOException {
        Path spool = dir.resolve("spool");
        assertThatThrownBy(() -> RawMessage.spool(spool, "load", file -> {
            Files.write(file, BIG);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(RawMessage.spool(spool, "fetch", file -> false)).as("expunged meanwhile").isNull();

        try (Stream<Path> left = Files.list(spool)) {
            assertThat(left).isEmpty();
        }
    }
}
