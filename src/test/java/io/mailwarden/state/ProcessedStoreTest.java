package io.mailwarden.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProcessedStoreTest {

    private static final String HASH = ContentHash.of("Subject: 发票\r\n\r\nhello".getBytes(StandardCharsets.UTF_8));
    private static final String OTHER_HASH = ContentHash.of("Subject: other\r\n\r\n".getBytes(StandardCharsets.UTF_8));

    private final ProcessedStore processed = new TestState().processed;

    @Test
    void contentHashIsSha256Hex() {
        assertThat(ContentHash.of(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void alreadyDoneMatchesMessageIdAndHashAcrossFoldersAndUidValidity() {
        processed.markDone(new MessageKey("a@corp.example", "INBOX", 7, 42), "<m1@x>", HASH);
        assertThat(processed.alreadyDone("a@corp.example", "<m1@x>", HASH)).isTrue();
        // seen again after a UIDVALIDITY change, or in another folder it was moved to
        assertThat(processed.alreadyDone("a@corp.example", " <m1@x> ", HASH)).isTrue();
        assertThat(processed.alreadyDone("a@corp.example", "<m2@x>", HASH)).isFalse();
        assertThat(processed.alreadyDone("a@corp.example", "<m1@x>", OTHER_HASH)).isFalse();
        assertThat(processed.alreadyDone("b@corp.example", "<m1@x>", HASH)).isFalse();
    }

    @Test
    void emptyMessageIdMatchesOnHashAlone() {
        processed.markDone(new MessageKey("a@corp.example", "INBOX", 7, 1), "", HASH);
        assertThat(processed.alreadyDone("a@corp.example", "", HASH)).isTrue();
        assertThat(processed.alreadyDone("a@corp.example", null, HASH)).isTrue();
        assertThat(processed.alreadyDone("a@corp.example", "", OTHER_HASH)).isFalse();
        processed.markDone(new MessageKey("a@corp.example", "INBOX", 7, 2), "<m3@x>", OTHER_HASH);
        assertThat(processed.alreadyDone("a@corp.example", "", OTHER_HASH)).isTrue();
    }

    @Test
    void failedMessagesAreNotAlreadyDone() {
        processed.recordFailure(new MessageKey("a@corp.example", "INBOX", 7, 42), "<m1@x>", HASH, "550 rejected");
        assertThat(processed.alreadyDone("a@corp.example", "<m1@x>", HASH)).isFalse();
    }

    @Test
    void failuresAreCountedAndTheLastErrorKept() {
        MessageKey key = new MessageKey("a@corp.example", "INBOX", 7, 42);
        assertThat(processed.find(key)).isEmpty();
        assertThat(processed.recordFailure(key, "<m1@x>", HASH, "timeout")).isEqualTo(1);
        assertThat(processed.recordFailure(key, "<m1@x>", HASH, "550 rejected")).isEqualTo(2);
        assertThat(processed.recordFailure(key, "<m1@x>", HASH, "x".repeat(5000))).isEqualTo(3);
        ProcessedMessage m = processed.find(key).orElseThrow();
        assertThat(m.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(m.attempts()).isEqualTo(3);
        assertThat(m.lastError()).hasSize(ProcessedStore.MAX_ERROR);
        assertThat(processed.recordFailure(new MessageKey("a@corp.example", "INBOX", 7, 43), "<m2@x>", HASH, "e"))
                .as("counted per message").isEqualTo(1);
    }

    @Test
    void doneAfterFailuresCountsEveryAttempt() {
        MessageKey key = new MessageKey("a@corp.example", "INBOX", 7, 42);
        processed.recordFailure(key, "<m1@x>", HASH, "timeout");
        processed.markDone(key, "<m1@x>", HASH);
        ProcessedMessage m = processed.find(key).orElseThrow();
        assertThat(m.outcome()).isEqualTo(Outcome.DONE);
        assertThat(m.attempts()).isEqualTo(2);
        assertThat(m.lastError()).isEqualTo("timeout");
        assertThat(m.messageId()).isEqualTo("<m1@x>");
        assertThat(m.contentHash()).isEqualTo(HASH);
    }
}
