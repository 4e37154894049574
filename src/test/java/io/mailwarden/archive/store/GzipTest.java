package io.mailwarden.archive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailwarden.message.RawMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GzipTest {

    @TempDir
    Path dir;

    @Test
    void messagesWrittenAtOnceByManyThreadsEachGunzipToTheirOwnBytes() throws Exception {
        List<byte[]> messages = new ArrayList<>();
        Random random = new Random(5);
        messages.add(new byte[0]);
        for (int i = 1; i < 60; i++) {
            // text that compresses, then noise that does not, past the 16 KB buffer for some
            String text = ("Subject: 报价单 " + i + "\r\n\r\nline of a mail body\r\n").repeat(1 + i * 20);
            byte[] noise = new byte[i % 7 == 0 ? 200_000 : i * 10];
            random.nextBytes(noise);
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            m.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            m.writeBytes(noise);
            messages.add(m.toByteArray());
        }
        // more writers at once than deflaters are kept idle (16): some deflaters are ended instead of kept
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Future<byte[]>> written = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (byte[] m : messages) {
                written.add(pool.submit(() -> gzip(m)));
            }
        }
        pool.shutdown();
        for (int i = 0; i < written.size(); i++) {
            assertThat(gunzip(written.get(i).get())).isEqualTo(messages.get(i % messages.size()));
        }
    }

    @Test
    void gzipItselfAcceptsTheFiles() throws Exception {
        byte[] mail = "From: a@example.com\r\nSubject: hi\r\n\r\n测试正文\r\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("m.eml.gz");
        Files.write(file, gzip(mail));

        Process gzip = new ProcessBuilder("gzip", "-dc", file.toString()).start(); // checks the CRC and length
        byte[] out = gzip.getInputStream().readAllBytes();
        assertThat(gzip.waitFor()).as(new String(gzip.getErrorStream().readAllBytes())).isZero();
        assertThat(out).isEqualTo(mail);
    }

    @Test
    void aWriteThatFailsMidwayLeavesTheNextWritesWhole() throws Exception {
        byte[] big = new byte[300_000];
        new Random(9).nextBytes(big);
        OutputStream diskFull = new OutputStream() {
            private int left = 20_000;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                left -= len;
                if (left < 0) {
                    throw new IOException("No space left on device");
                }
            }
        };
        assertThatThrownBy(() -> Gzip.write(RawMessage.of(big), diskFull)).hasMessageContaining("No space left");

        byte[] next = "Subject: after\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(gunzip(gzip(next))).isEqualTo(next);
        assertThat(gunzip(gzip(big))).isEqualTo(big);
    }

    private static byte[] gzip(byte[] m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Gzip.write(RawMessage.of(m), out);
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] gz) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) { // checks the CRC and length
            return in.readAllBytes();
        }
    }
}
