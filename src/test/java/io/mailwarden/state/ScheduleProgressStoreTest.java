package io.mailwarden.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Progress of scheduled runs: an unfinished run goes on, a finished one or a new UIDVALIDITY starts afresh. */
class ScheduleProgressStoreTest {

    final TestState state = new TestState();
    final ScheduleProgressStore progress = state.progress;
    final Instant first = Instant.parse("2026-11-01T01:30:00Z");
    final Instant second = Instant.parse("2026-11-02T01:30:00Z");

    @Test
    void aRunStartsFromTheBeginningTheFirstTime() {
        assertThat(progress.begin("r", "a", "INBOX", 7, first)).isZero();
        assertThat(progress.find("r", "a", "INBOX")).hasValueSatisfying(p -> {
            assertThat(p.finished()).isFalse();
            assertThat(p.runStarted()).isEqualTo(first);
        });
    }

    @Test
    void anUnfinishedRunGoesOnAfterItsLastUidAndKeepsItsStart() {
        progress.begin("r", "a", "INBOX", 7, first);
        progress.advance("r", "a", "INBOX", 42);
        assertThat(progress.begin("r", "a", "INBOX", 7, second)).isEqualTo(42);
        assertThat(progress.find("r", "a", "INBOX").orElseThrow().runStarted()).isEqualTo(first);
    }

    @Test
    void aFinishedRunIsFollowedByOneFromTheBeginning() {
        progress.begin("r", "a", "INBOX", 7, first);
        progress.advance("r", "a", "INBOX", 42);
        progress.finish("r", "a", "INBOX", first.plusSeconds(60));
        assertThat(progress.find("r", "a", "INBOX").orElseThrow().finished()).isTrue();
        assertThat(progress.begin("r", "a", "INBOX", 7, second)).isZero();
        ScheduleProgress p = progress.find("r", "a", "INBOX").orElseThrow();
        assertThat(p.finished()).isFalse();
        assertThat(p.lastUid()).isZero();
        assertThat(p.runStarted()).isEqualTo(second);
    }

    @Test
    void aNewUidValidityStartsAfresh() {
        progress.begin("r", "a", "INBOX", 7, first);
        progress.advance("r", "a", "INBOX", 42);
        assertThat(progress.begin("r", "a", "INBOX", 8, second)).isZero();
        assertThat(progress.find("r", "a", "INBOX").orElseThrow().uidValidity()).isEqualTo(8);
    }

    @Test
    void rulesAccountsAndFoldersKeepTheirOwnProgress() {
        progress.begin("r", "a", "INBOX", 7, first);
        progress.advance("r", "a", "INBOX", 42);
        assertThat(progress.begin("other", "a", "INBOX", 7, first)).isZero();
        assertThat(progress.begin("r", "b", "INBOX", 7, first)).isZero();
        assertThat(progress.begin("r", "a", "归档", 7, first)).isZero();
        assertThat(progress.begin("r", "a", "INBOX", 7, first)).isEqualTo(42);
    }
}
