package io.mailwarden.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The application's scheduler: halted until the daemon starts it; programmatic jobs fire, then go away. */
@QuarkusTest
class QuarkusJobSchedulerTest {

    @Inject
    QuarkusJobScheduler jobs;

    @Inject
    Scheduler scheduler;

    @Test
    void jobsFireOnlyAfterStartAndNotAfterCancel() throws Exception {
        AtomicInteger interval = new AtomicInteger();
        AtomicInteger cron = new AtomicInteger();
        assertThat(jobs.running()).as("halted at start-up: CLI subcommands run no job").isFalse();
        jobs.every("test-interval", Duration.ofSeconds(1), interval::incrementAndGet);
        jobs.cron("test-cron", "* * * * * ?", cron::incrementAndGet);
        Thread.sleep(1500);
        assertThat(interval.get() + cron.get()).as("nothing fires while halted").isZero();

        jobs.start();
        assertThat(jobs.running()).isTrue();
        Instant end = Instant.now().plusSeconds(15);
        while ((interval.get() == 0 || cron.get() == 0) && Instant.now().isBefore(end)) {
            Thread.sleep(50);
        }
        assertThat(interval.get()).isPositive();
        assertThat(cron.get()).isPositive();

        jobs.cancel("test-interval");
        jobs.cancel("test-cron");
        assertThat(scheduler.getScheduledJob("test-interval")).isNull();
        assertThat(scheduler.getScheduledJob("test-cron")).isNull();
        int after = interval.get() + cron.get();
        Thread.sleep(1500);
        assertThat(interval.get() + cron.get()).isLessThanOrEqualTo(after + 2); // a firing already under way may land
    }
}
