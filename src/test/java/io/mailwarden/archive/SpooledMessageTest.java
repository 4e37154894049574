package io.mailwarden.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.extract.Docs;
import io.mailwarden.archive.index.IndexHit;
import io.mailwarden.search.ArchiveSearch;
import io.mailwarden.state.ContentHash;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A message too big to hold in memory (over the 8 MB a fetch keeps in memory) goes through the spool:
 * fetched into a file, stored and parsed from it, its big attachments decoded into files that Tika reads.
 * Nothing is lost on the way, and nothing is left in the spool.
 */
class SpooledMessageTest {

    private static final byte[] CSV = ("csvplantedword,1\n" + "row,2\n".repeat(420_000)).getBytes(StandardCharsets.US_ASCII);

    @RegisterExtension
    final ArchiveHarness h = new ArchiveHarness();

    @Test
    void archivesAndIndexesAMessageTooBigToHoldThroughTheSpool() throws Exception {
        byte[] big = bigMessage();
        h.append("INBOX", ArchiveBackfillTest.plain("<small@x>", "small one", "nothing big"));
        h.deliver(big);
        byte[] served = h.serverRaw("INBOX").get(1);
        assertThat(served.length).isGreaterThan(9 << 20);

        Backfill.Result r = h.backfill(Backfill.Options.defaults());

        assertThat(r.archived()).isEqualTo(2);
        assertThat(h.store.read(ContentHash.of(served))).as("kept byte for byte").isEqualTo(served);
        assertFound("spoolbodyword", "docxplantedword", "csvplantedword", "nestedplantedword", "nestedsubjectword");
        assertThat(spoolLeft()).as("spool files left behind").isEmpty();
        assertThat(h.verify(true).ok()).isTrue();
        String id = h.search("spoolbodyword").getFirst().message().id();
        try (InputStream csv = new ArchiveSearch(() -> h.index, h.store, Clock.systemUTC()).attachment(id, 1)
                .orElseThrow().content()) {
            assertThat(csv.readAllBytes()).as("the CSV streamed out of the spooled message").isEqualTo(CSV);
        }
        assertThat(spoolLeft()).as("spool files left behind by the download").isEmpty();

        long written = Reindex.run(h.archive, h.indexer, 2, BackfillProgress.NONE);

        assertThat(written).isEqualTo(2);
        assertFound("spoolbodyword", "csvplantedword", "nestedplantedword");
        assertThat(spoolLeft()).as("spool files left behind by the reindex").isEmpty();
    }

    private void assertFound(String... words) {
        for (String word : words) {
            List<IndexHit> hits = h.search(word);
            assertThat(hits).as(word).hasSize(1);
            assertThat(hits.getFirst().message().messageId()).as(word).isEqualTo("big@x");
        }
    }

    private List<String> spoolLeft() throws Exception {
        if (!Files.isDirectory(h.store.spool())) {
            return List.of();
        }
        try (Stream<java.nio.file.Path> files = Files.list(h.store.spool())) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /**
     * About 10 MB: a body, a small DOCX, a 2.5 MB CSV (spooled as a part), a forwarded message of 1.5 MB with
     * an attachment of its own (spooled, and parsed from its file), and 6 MB of random binary.
     */
    private static byte[] bigMessage() {
        String forwarded = "From: b@y.example\r\nSubject: nestedsubjectword\r\nMessage-ID: <inner@y>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"in\"\r\n\r\n--in\r\nContent-Type: text/plain\r\n\r\ninner body\r\n"
                + part("in", "notes.txt", "text/plain", ("nestedplantedword\n" + "filler line\n".repeat(100_000))
                        .getBytes(StandardCharsets.US_ASCII))
                + "--in--\r\n";
        byte[] noise = new byte[6 << 20];
        new Random(7).nextBytes(noise);
        String raw = "From: a@x.example\r\nTo: wang.wu@example.cn\r\nSubject: the big one\r\nMessage-ID: <big@x>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nspoolbodyword 附件很大\r\n"
                + part("b", "report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        Docs.docx("docxplantedword"))
                + part("b", "numbers.csv", "text/csv", CSV)
                + "--b\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"fwd.eml\"\r\n\r\n"
                + forwarded + "\r\n"
                + part("b", "noise.bin", "application/octet-stream", noise)
                + "--b--\r\n";
        return raw.getBytes(StandardCharsets.UTF_8);
    }

    private static String part(String boundary, String name, String type, byte[] content) {
        return "--" + boundary + "\r\nContent-Type: " + type + "\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(content) + "\r\n";
    }
}
