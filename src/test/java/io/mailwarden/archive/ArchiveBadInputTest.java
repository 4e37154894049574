package io.mailwarden.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.extract.Docs;
import io.mailwarden.archive.index.MessageDocument;
import io.mailwarden.message.MessageArrived;
import io.mailwarden.message.MessageRef;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.ContentHash;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whatever a message looks like, it is archived whole, byte for byte, and the index says what could not be read. */
class ArchiveBadInputTest {

    @RegisterExtension
    final ArchiveHarness h = new ArchiveHarness();

    private final AtomicLong uid = new AtomicLong();

    /** Archives {@code raw} as the next INBOX message and returns its indexed document. */
    private MessageDocument archived(byte[] raw) throws Exception {
        MessageRef ref = new MessageRef("corp", "INBOX", 9, uid.incrementAndGet());
        assertThat(h.archive.archive(new MessageArrived(ref, raw, Set.of(), Set.of(), null, false), List.of())).isTrue();
        assertThat(h.store.read(ContentHash.of(raw))).as("kept byte for byte").isEqualTo(raw);
        h.index.refresh();
        return h.index.get(ArchivedLocation.idOf("corp", "INBOX", 9, ref.uid())).orElseThrow();
    }

    private static byte[] withAttachment(String name, String type, byte[] content) {
        String b64 = Base64.getMimeEncoder().encodeToString(content);
        return ("From: a@x.example\r\nSubject: " + name + "\r\nMessage-ID: <" + name + "@x>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                + "--b\r\nContent-Type: " + type + "\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=\"" + name + "\"\r\n\r\n" + b64 + "\r\n--b--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void recordsAttachmentsThatCannotBeReadAndKeepsTheMessages() throws Exception {
        MessageDocument encrypted = archived(withAttachment("secret.pdf", "application/pdf", Docs.encryptedPdf("confidential")));
        assertThat(encrypted.attachments().getFirst().problem()).startsWith("encrypted");

        MessageDocument corrupt = archived(withAttachment("broken.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\u0003\u0004 no zip".getBytes()));
        assertThat(corrupt.attachments().getFirst().problem()).startsWith("failed");
        assertThat(corrupt.body()).contains("see attached");

        MessageDocument bomb = archived(withAttachment("bomb.zip", "application/zip", Docs.zipBomb(200L << 20)));
        assertThat(bomb.attachments().getFirst().problem()).isNotEmpty();

        MessageDocument empty = archived(withAttachment("empty.bin", "application/octet-stream", new byte[0]));
        assertThat(empty.attachments().getFirst().size()).isZero();
    }

    @Test
    void keepsMalformedMessagesWhole() throws Exception {
        byte[] badBoundary = ("From: a@x.example\r\nSubject: bad boundary\r\nContent-Type: multipart/mixed; boundary=\"nope\"\r\n"
                + "\r\n--other\r\nContent-Type: text/plain\r\n\r\n预算 text\r\n--other--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] truncatedBase64 = ("From: a@x.example\r\nSubject: truncated\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n5Lit5paH5paH5Lu2\r\n5Lit").getBytes(StandardCharsets.US_ASCII);
        byte[] noHeaders = "just some words without any header at all\r\n".getBytes(StandardCharsets.US_ASCII);
        StringBuilder nested = new StringBuilder("From: a@x.example\r\nSubject: nested\r\n");
        for (int i = 0; i < 60; i++) {
            nested.append("Content-Type: multipart/mixed; boundary=\"n").append(i).append("\"\r\n\r\n--n").append(i).append("\r\n");
        }
        nested.append("Content-Type: text/plain\r\n\r\ndeep inside\r\n");

        for (byte[] raw : List.of(badBoundary, truncatedBase64, noHeaders, nested.toString().getBytes(StandardCharsets.US_ASCII))) {
            archived(raw); // stored whole and indexed, whatever the parser made of it
        }
        assertThat(h.state.archive.count()).isEqualTo(4);
    }

    @Test
    void keepsTwoMessagesWithOneMessageIdAndDifferentContent() throws Exception {
        byte[] first = "From: a@x.example\r\nSubject: v1\r\nMessage-ID: <same@x>\r\n\r\nfirst\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "From: a@x.example\r\nSubject: v2\r\nMessage-ID: <same@x>\r\n\r\nsecond\r\n".getBytes(StandardCharsets.US_ASCII);
        archived(first);
        archived(second);
        try (var hashes = h.store.hashes()) {
            assertThat(hashes.toList()).containsExactlyInAnyOrder(ContentHash.of(first), ContentHash.of(second));
        }
    }

    @Test
    void keepsAFiftyMegabyteAttachmentWhole() throws Exception {
        byte[] csv = "季度,金额\n".repeat(5_000_000).getBytes(StandardCharsets.UTF_8); // about 50 MB
        MessageDocument doc = archived(withAttachment("big.csv", "text/csv", csv));
        assertThat(doc.attachments().getFirst().problem()).startsWith("truncated");
    }
}
