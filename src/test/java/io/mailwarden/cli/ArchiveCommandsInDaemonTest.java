package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.account.Endpoint;
import io.mailwarden.archive.Backfill;
import io.mailwarden.daemon.DaemonHarness;
import io.mailwarden.daemon.request.ArchivingDaemon;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * backfill, reindex and import as an admin runs them while the daemon runs: the daemon holds the archive, does
 * the work, and the command prints what it prints when it does the work itself.
 */
@QuarkusMainTest
@TestProfile(ArchiveCommandsInDaemonTest.SameDataDirectory.class)
class ArchiveCommandsInDaemonTest {

    static final Path DATA = Path.of("target/test-data/daemon-cli-" + ProcessHandle.current().pid()).toAbsolutePath();
    static final ArchivingDaemon DAEMON = new ArchivingDaemon(created(DATA), Duration.ZERO, new Backfill.Options(50, 1 << 20, 2));

    /** The daemon's account and data directory. */
    public static class SameDataDirectory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path password = Files.writeString(DATA.resolve("password"), DaemonHarness.PASSWORD + "\n");
                Endpoint imap = DAEMON.harness.account().imap();
                return Map.of("mailwarden.data-dir", DATA.toString(),
                        "mailwarden.accounts.acme.username", DaemonHarness.USER,
                        "mailwarden.accounts.acme.password-file", password.toString(),
                        "mailwarden.accounts.acme.imap.host", imap.host(),
                        "mailwarden.accounts.acme.imap.port", String.valueOf(imap.port()),
                        "mailwarden.accounts.acme.imap.tls", "none",
                        "mailwarden.accounts.acme.smtp.host", imap.host(),
                        "mailwarden.accounts.acme.smtp.port", String.valueOf(DAEMON.harness.smtpPort()),
                        "mailwarden.accounts.acme.smtp.tls", "none");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @BeforeAll
    static void startDaemon() throws Exception {
        DAEMON.start();
    }

    @AfterAll
    static void stopDaemon() {
        DAEMON.close();
        System.clearProperty("quarkus.scheduler.enabled");
        System.clearProperty("quarkus.http.host-enabled");
    }

    @Test
    void backfillRunsInsideTheRunningDaemon(QuarkusMainLauncher launcher) throws Exception {
        DAEMON.folder("Projects", 3);

        LaunchResult backfill = launcher.launch("backfill", "--folder", "Projects");

        assertThat(backfill.exitCode()).as(backfill.getErrorOutput()).isZero();
        assertThat(backfill.getOutput()).contains("acme: 1 folder(s), 3 message(s) archived, 0 already archived");
        assertThat(DAEMON.places("Projects")).isEqualTo(3);
        assertThat(DAEMON.hits("quarterly")).as("searchable in the daemon's index").isEqualTo(3);
    }

    @Test
    void reindexRunsInsideTheRunningDaemon(QuarkusMainLauncher launcher) {
        DAEMON.emptyIndex();
        assertThat(DAEMON.hits("first")).isZero();

        LaunchResult reindex = launcher.launch("reindex");

        assertThat(reindex.exitCode()).as(reindex.getErrorOutput()).isZero();
        assertThat(reindex.getOutput()).contains("reindexed " + DAEMON.places() + " message place(s)");
        assertThat(DAEMON.hits("first")).isEqualTo(1);
    }

    @Test
    void importRunsInsideTheRunningDaemon(QuarkusMainLauncher launcher) throws IOException {
        Path mbox = Files.writeString(DATA.resolve("old.mbox"), """
                From li.lei@example.cn Mon Mar  2 10:00:00 2026
                From: li.lei@example.cn
                Subject: 合同 for review

                Please sign.

                From han.mei@example.cn Tue Mar  3 11:00:00 2026
                From: han.mei@example.cn
                Subject: lunch

                Noodles?

                """);
        Path relative = Path.of("").toAbsolutePath().relativize(mbox);

        LaunchResult imported = launcher.launch("import", relative.toString(), "--account", "old", "--folder", "项目/2025");

        assertThat(imported.exitCode()).as(imported.getErrorOutput()).isZero();
        assertThat(imported.getOutput()).contains("imported 2 message(s)", "from " + mbox + "; 0 were archived already");
        assertThat(DAEMON.places("项目/2025")).isEqualTo(2);
        assertThat(DAEMON.hits("合同")).isEqualTo(1);
    }

    private static Path created(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
