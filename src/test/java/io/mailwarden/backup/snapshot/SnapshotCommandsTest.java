package io.mailwarden.backup.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** backup now / list / verify and restore-snapshot as an admin runs them, then 'mailwarden verify'. */
@QuarkusMainTest
@TestProfile(SnapshotCommandsTest.Dirs.class)
class SnapshotCommandsTest {

    static final Path ROOT = Path.of("target/test-data/snapshot-cli-" + ProcessHandle.current().pid()).toAbsolutePath();

    /** A data directory and a backup directory of this run. */
    public static class Dirs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mailwarden.data-dir", ROOT.resolve("index").toString(),
                    "mailwarden.backup.dir", ROOT.resolve("backups").toString());
        }
    }

    @AfterAll
    static void clearProperties() {
        // cli.Main turned these off for the subcommands launched here; the JVM goes on with other tests
        System.clearProperty("quarkus.scheduler.enabled");
        System.clearProperty("quarkus.http.host-enabled");
    }

    @Test
    void snapshotListVerifyRestoreThenTheArchiveVerifies(QuarkusMainLauncher launcher) throws Exception {
        try (SnapshotFixture f = new SnapshotFixture(ROOT)) {
            f.archive("INBOX", "三月份发票", "请查收");
            f.archive("INBOX", "Contract", "Signed copy attached");
            f.archive("财务", "付款通知", "已付款");
        }

        LaunchResult now = launcher.launch("backup", "now");
        assertThat(now.exitCode()).as(now.getErrorOutput()).isZero();
        assertThat(now.getOutput()).contains("3 message(s) (3 new)", "state h2");
        Matcher name = Pattern.compile("snapshot (\\d{8}T\\d{6}Z):").matcher(now.getOutput());
        assertThat(name.find()).isTrue();
        Path snapshot = ROOT.resolve("backups").resolve(name.group(1));

        LaunchResult list = launcher.launch("backup", "list");
        assertThat(list.getOutput()).contains(name.group(1) + "  3 message(s) (3 new)", "1 snapshot(s) in ");

        LaunchResult ok = launcher.launch("backup", "verify", snapshot.toString());
        assertThat(ok.exitCode()).as(ok.getOutput()).isZero();
        assertThat(ok.getOutput()).contains(": OK");

        Path stray = Files.writeString(snapshot.resolve("stray.txt"), "?");
        LaunchResult extra = launcher.launch("backup", "verify", snapshot.toString());
        assertThat(extra.exitCode()).isEqualTo(1);
        assertThat(extra.getOutput()).contains("EXTRA stray.txt: not in the manifest", "1 discrepancy(ies)");
        Files.delete(stray);

        // refusals (daemon running, an archive there without --force) are SnapshotRoundTripTest's
        LaunchResult restored = launcher.launch("restore-snapshot", "--force", snapshot.toString());
        assertThat(restored.exitCode()).as(restored.getOutput() + restored.getErrorOutput()).isZero();
        assertThat(restored.getOutput()).contains("restored " + name.group(1), "3 message(s)",
                "the data directory that was there is kept at " + ROOT.resolve("index.before-restore-"),
                "run 'mailwarden verify'");

        LaunchResult verify = launcher.launch("verify");
        assertThat(verify.exitCode()).as(verify.getOutput() + verify.getErrorOutput()).isZero();
        assertThat(verify.getOutput()).contains("3 place(s), 3 stored message(s) (hashes checked), 3 indexed", "archive: OK");
    }
}
