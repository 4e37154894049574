package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only the daemon's subcommands get a scheduler; the others skip creating Quartz. */
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
}
