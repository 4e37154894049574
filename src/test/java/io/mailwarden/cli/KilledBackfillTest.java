package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.testing.TempDirs;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A backfill killed after it catalogued messages and before its index committed them (the index commits on a
 * timer and at the end): the next archive command run by hand brings the index in line, as the daemon's start
 * does, so nothing stays unsearchable until the daemon happens to start.
 */
@QuarkusMainTest
@TestProfile(KilledBackfillTest.Account.class)
class KilledBackfillTest {

    static final String USER = "zhao.lei@example.cn";
    static final Path DATA = Path.of("target/test-data/killed-backfill-" + ProcessHandle.current().pid()).toAbsolutePath();
    static final GreenMail MAIL = CliMailAccount.start(USER);

    /** One account on the GreenMail server and a data directory of this run. */
    public static class Account implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return CliMailAccount.config(DATA, MAIL, USER);
        }
    }

    @AfterAll
    static void stop() {
        CliMailAccount.stop(MAIL);
    }

    @Test
    void theNextBackfillIndexesWhatAKilledOneCataloguedButNeverCommitted(QuarkusMainLauncher launcher) throws Exception {
        deliver(1, 2, 3);
        assertThat(launcher.launch("backfill").exitCode()).isZero();
        Path committed = DATA.resolve("lucene-as-committed");
        copy(DATA.resolve("lucene"), committed);

        deliver(4, 5);
        LaunchResult second = launcher.launch("backfill");
        assertThat(second.getOutput()).contains("2 message(s) archived");
        // the index as the killed run left it: its last commit from before the run, its catalogue entries durable,
        // and the mark of a writer that never closed
        replace(DATA.resolve("lucene"), committed);
        Files.writeString(DATA.resolve("lucene").resolve(ArchiveIndex.OPEN_MARK), "1");
        assertThat(launcher.launch("verify").getOutput()).contains("3 indexed, 2 archived since the index's last commit",
                "NOTE 2 message(s) archived since the index's last commit", "after a crash, its next start or archive command");
        assertThat(launcher.launch("search", "第5季度").getOutput()).doesNotContain("报告 5");

        LaunchResult next = launcher.launch("backfill");
        assertThat(next.exitCode()).as(next.getErrorOutput()).isZero();
        assertThat(next.getOutput()).contains("0 message(s) archived");
        assertThat(DATA.resolve("lucene").resolve(ArchiveIndex.OPEN_MARK)).as("repaired: the next command need not").doesNotExist();
        LaunchResult verify = launcher.launch("verify");
        assertThat(verify.exitCode()).as(verify.getOutput()).isZero();
        assertThat(verify.getOutput()).contains("5 place(s), 5 stored message(s)", "5 indexed", "archive: OK");
        assertThat(launcher.launch("search", "第5季度").getOutput()).contains("报告 5");
    }

    private static void deliver(int... numbers) throws Exception {
        for (int i : numbers) {
            MAIL.getUserManager().getUser(USER).deliver(new MimeMessage(null, new ByteArrayInputStream(
                    ("From: a@vendor.example\r\nTo: " + USER + "\r\nSubject: 报告 " + i + "\r\nMessage-ID: <k" + i
                            + "@x>\r\n\r\n第" + i + "季度\r\n").getBytes(StandardCharsets.UTF_8))));
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(from.relativize(f).toString()));
            }
        }
    }

    private static void replace(Path dir, Path with) throws IOException {
        TempDirs.delete(dir);
        copy(with, dir);
    }
}
