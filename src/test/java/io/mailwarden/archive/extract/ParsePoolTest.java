package io.mailwarden.archive.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ParsePoolTest {

    private static final Duration SHORT = Duration.ofMillis(100);

    /** A parse caught in a loop that ignores interruption, until released. */
    private static String stubborn(CountDownLatch release) {
        while (true) {
            try {
                if (release.await(10, TimeUnit.SECONDS)) {
                    return "ended";
                }
            } catch (InterruptedException ignored) {
                // a parser that swallows interrupts, as some do
            }
        }
    }

    private static void awaitStuck(ParsePool pool, int expected) throws InterruptedException {
        for (int i = 0; i < 500 && pool.stuck() != expected; i++) {
            Thread.sleep(10);
        }
        assertThat(pool.stuck()).isEqualTo(expected);
    }

    @Test
    void returnsResultsAndRethrowsFailures() throws Exception {
        try (ParsePool pool = new ParsePool(1, 1)) {
            assertThat(pool.run(() -> "text", SHORT)).isEqualTo("text");
            assertThatThrownBy(() -> pool.run(() -> {
                throw new IllegalStateException("broken");
            }, SHORT)).hasRootCauseMessage("broken");
        }
    }

    @Test
    void interruptsAParseAtItsTimeoutAndDoesNotCountItStuckOnceItStops() throws Exception {
        try (ParsePool pool = new ParsePool(1, 1)) {
            assertThatThrownBy(() -> pool.run(() -> {
                Thread.sleep(60_000);
                return "never";
            }, SHORT)).isInstanceOf(TimeoutException.class);
            awaitStuck(pool, 0);
            assertThat(pool.run(() -> "next", SHORT)).isEqualTo("next");
        }
    }

    @Test
    void abandonsStuckParsesRefusesPastTheLimitAndRecoversWhenTheyEnd() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ParsePool pool = new ParsePool(1, 1)) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> pool.run(() -> stubborn(release), SHORT))
                        .isInstanceOf(TimeoutException.class);
            }
            awaitStuck(pool, 2);

            assertThatThrownBy(() -> pool.run(() -> "refused", SHORT))
                    .isInstanceOf(ParsePool.Refused.class).hasMessageContaining("2 earlier parse(s)");

            release.countDown();
            awaitStuck(pool, 0);
            assertThat(pool.run(() -> "recovered", SHORT)).isEqualTo("recovered");
        }
    }
}
