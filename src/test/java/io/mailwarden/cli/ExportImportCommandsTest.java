package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.linked.ExmailLinkMail;
import io.mailwarden.state.ContentHash;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    @Test
    void importTakesTheLinkedFilesOfAnExportAndExportGivesThemOutAgain(QuarkusMainLauncher launcher) throws IOException {
        String link = "https://mail.qq.com/cgi-bin/ftnExs_download?t=exs_ftn_download&k=0e3a6kestrel&code=9b1c";
        byte[] mail = ExmailLinkMail.alternative("报告.txt", link);
        byte[] file = "fieldfare figures 第三季度".getBytes(StandardCharsets.UTF_8);
        String fileHash = ContentHash.of(file);
        Path in = Files.createDirectories(DATA.resolve("linked-in/corp/INBOX")).getParent().getParent();
        Files.write(in.resolve("corp/INBOX/000001.eml"), mail);
        Files.writeString(in.resolve("mailwarden-export.properties"),
                "format=eml\nplace.1.path=corp/INBOX\nplace.1.account=corp\nplace.1.folder=INBOX\n");
        Files.write(Files.createDirectories(in.resolve(".linked-files/" + fileHash)).resolve("报告.txt"), file);
        Files.writeString(in.resolve(".linked-files/linked-files.tsv"), String.join("\t", "corp", "INBOX", "x@y",
                ContentHash.of(mail), "报告.txt", fileHash + "/报告.txt", String.valueOf(file.length), link) + "\n");

        LaunchResult imported = launcher.launch("import", in.toString());
        assertThat(imported.exitCode()).as(imported.getErrorOutput()).isZero();
        assertThat(imported.getOutput()).contains("imported 1 message(s)", "1 linked file(s), 1 new to the archive");
        LaunchResult found = launcher.launch("search", "fieldfare");
        assertThat(found.exitCode()).as(found.getErrorOutput()).isZero();
        assertThat(found.getOutput()).contains("季度数据", "1-1 of 1 hit(s)");

        Path out = DATA.resolve("linked-out");
        LaunchResult export = launcher.launch("export", "--format", "mbox", "--out", out.toString(), "fieldfare");
        assertThat(export.exitCode()).as(export.getErrorOutput()).isZero();
        assertThat(export.getOutput()).contains("exported 1 message(s)", "1 linked file(s) in .linked-files");
        assertThat(Files.readAllBytes(out.resolve(".linked-files/" + fileHash + "/报告.txt"))).isEqualTo(file);
    }

    static {
        try {
            Files.createDirectories(DATA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
