package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the daemon's subcommands get a scheduler and an HTTP port; the others skip both. */
class MainTest {

    @Test
    void onlyRunAndDemoRunTheDaemon() {
        assertThat(Main.runsDaemon("run")).isTrue();
        assertThat(Main.runsDaemon("demo", "--once")).isTrue();
        assertThat(Main.runsDaemon("--verbose", "run", "--dry-run")).isTrue();
        assertThat(Main.runsDaemon("rules", "check")).isFalse();
        assertThat(Main.runsDaemon("accounts", "test", "run")).isFalse();
        assertThat(Main.runsDaemon()).isFalse();
        assertThat(Main.runsDaemon("--help")).isFalse();
    }

    @Test
    void subcommandsOtherThanRunAndDemoOpenNoHttpPortAndNoScheduler() {
        try {
            Main.configureFor("rules", "check");
            assertThat(System.getProperty("quarkus.http.host-enabled")).isEqualTo("false");
            assertThat(System.getProperty("quarkus.scheduler.enabled")).isEqualTo("false");
            System.clearProperty("quarkus.http.host-enabled");
            System.clearProperty("quarkus.scheduler.enabled");
            Main.configureFor("run");
            assertThat(System.getProperty("quarkus.http.host-enabled")).isNull();
            assertThat(System.getProperty("quarkus.scheduler.enabled")).isNull();
        } finally {
            System.clearProperty("quarkus.http.host-enabled");
            System.clearProperty("quarkus.scheduler.enabled");
        }
    }
}
