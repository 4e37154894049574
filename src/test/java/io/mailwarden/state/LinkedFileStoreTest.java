package io.mailwarden.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.state.LinkedFile.Status;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rows of the files messages link to: what a download's outcome may change. */
class LinkedFileStoreTest {

    private static final String MESSAGE = "a".repeat(64);
    private static final String URL = "https://mail.qq.com/cgi-bin/ftnExs_download?k=abc";
    private final TestState state = new TestState();
    private final LinkedFileStore rows = state.linkedFiles;
    private final Instant now = Instant.parse("2026-11-30T01:00:00Z");

    @Test
    void aFailedDownloadDoesNotUndoAFileStoredMeanwhile() {
        LinkedFile row = rows.found(MESSAGE, Map.of(URL, "报告.zip"), null, now).get(0);
        rows.stored(row.id(), "b".repeat(64), "报告.zip", 42, now); // an import of an export that holds the file

        rows.gone(row.id(), "the page has no file link", now.plusSeconds(1)); // the download started before it
        rows.retry(row.id(), "HTTP 503", now.plusSeconds(300), now.plusSeconds(1));

        assertThat(rows.forMessage(MESSAGE)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.STORED);
            assertThat(f.fileHash()).isEqualTo("b".repeat(64));
            assertThat(f.problem()).isEmpty();
        });
    }

    @Test
    void aPendingDownloadIsRetriedThenGivenUp() {
        LinkedFile row = rows.found(MESSAGE, Map.of(URL, "报告.zip"), null, now).get(0);

        rows.retry(row.id(), "HTTP 503", now.plusSeconds(300), now);
        assertThat(rows.due(now.plusSeconds(299), 10)).isEmpty();
        assertThat(rows.due(now.plusSeconds(300), 10)).singleElement()
                .satisfies(f -> assertThat(f.problem()).isEqualTo("HTTP 503"));
        rows.gone(row.id(), "expired", now.plusSeconds(300));

        assertThat(rows.forMessage(MESSAGE)).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.GONE);
            assertThat(f.attempts()).isEqualTo(2);
        });
    }
}
