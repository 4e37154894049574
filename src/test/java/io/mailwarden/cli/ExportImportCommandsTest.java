package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** import and export as an admin runs them: an old mbox into the archive, a query's matches out as .eml files. */
@QuarkusMainTest
@TestProfile(ExportImportCommandsTest.Data.class)
class ExportImportCommandsTest {

    static final Path DATA = Path.of("target/test-data/export-cli-" + ProcessHandle.current().pid()).toAbsolutePath();

    /** A data directory of this run, no account. */
    public static class Data implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mailwarden.data-dir", DATA.resolve("data").toString());
        }
    }

    @AfterAll
    static void clear() {
        System.clearProperty("quarkus.scheduler.enabled");
        System.clearProperty("quarkus.http.host-enabled");
    }

    @Test
    void importsAnMboxOnceThenExportsWhatAQueryMatches(QuarkusMainLauncher launcher) throws IOException {
        Path mbox = Files.createDirectories(DATA).resolve("old.mbox");
        Files.writeString(mbox, """
                From li.lei@example.cn Mon Mar  2 10:00:00 2026
                From: li.lei@example.cn
                Subject: 合同 for review
                Status: RO
                X-Status: A

                Please sign.
                >From the legal team

                From han.mei@example.cn Tue Mar  3 11:00:00 2026
                From: han.mei@example.cn
                Subject: lunch

                Noodles?

                """);

        LaunchResult anonymous = launcher.launch("import", mbox.toString());
        assertThat(anonymous.exitCode()).isEqualTo(2);
        assertThat(anonymous.getErrorOutput()).contains("give --account NAME");
        LaunchResult first = launcher.launch("import", mbox.toString(), "--account", "old", "--folder", "项目/2025");
        assertThat(first.exitCode()).as(first.getErrorOutput()).isZero();
        assertThat(first.getOutput()).contains("imported 2 message(s)", "0 were archived already");
        LaunchResult again = launcher.launch("import", mbox.toString(), "--account", "old", "--folder", "项目/2025");
        assertThat(again.getOutput()).contains("imported 0 message(s)", "2 were archived already");

        Path out = DATA.resolve("out");
        LaunchResult export = launcher.launch("export", "--format", "eml", "--out", out.toString(), "合同");
        assertThat(export.exitCode()).as(export.getErrorOutput()).isZero();
        assertThat(export.getOutput()).contains("exported 1 message(s)", "as eml to " + out);
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.map(p -> out.relativize(p).toString())).contains("old/项目/2025/000001.eml");
        }
        assertThat(Files.readString(out.resolve("old/项目/2025/000001.eml"))).startsWith("From: li.lei@example.cn")
                .contains("\nFrom the legal team").doesNotContain("Status:"); // mboxrd quoting undone
        assertThat(Files.readString(out.resolve("old/项目/2025/.mailwarden-flags.tsv")))
                .contains("000001.eml\t2026-03-02T10:00:00Z\t\\Answered \\Seen");

        LaunchResult wrongFormat = launcher.launch("export", "--format", "mbox", "--out", out.toString());
        assertThat(wrongFormat.exitCode()).isEqualTo(1);
        assertThat(wrongFormat.getErrorOutput()).contains("holds a eml export");
        LaunchResult badQuery = launcher.launch("export", "--format", "mbox", "--out", DATA.resolve("x").toString(),
                "from:(");
        assertThat(badQuery.exitCode()).isEqualTo(2);
    }

    static {
        try {
            Files.createDirectories(DATA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
