package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
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
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** backfill, verify and reindex as an admin runs them, against a configured account on a real IMAP server. */
@QuarkusMainTest
@TestProfile(ArchiveCommandsTest.Account.class)
class ArchiveCommandsTest {

    static final String USER = "chen.liu@example.cn";
    static final Path DATA = Path.of("target/test-data/archive-cli-" + ProcessHandle.current().pid()).toAbsolutePath();
    static final GreenMail MAIL = CliMailAccount.start(USER);

    /** One account on the GreenMail server, its password in a file, and a data directory of this run. */
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
    void backfillThenVerifyThenReindexThenVerifyFindsAnAlteredMessage(QuarkusMainLauncher launcher) throws Exception {
        for (int i = 1; i <= 3; i++) {
            MAIL.getUserManager().getUser(USER).deliver(new MimeMessage(null, new ByteArrayInputStream(
                    ("From: a@vendor.example\r\nTo: " + USER + "\r\nSubject: 报告 " + i + "\r\nMessage-ID: <r" + i
                            + "@x>\r\n\r\n第" + i + "季度\r\n").getBytes(StandardCharsets.UTF_8))));
        }

        LaunchResult backfill = launcher.launch("backfill");
        assertThat(backfill.exitCode()).as(backfill.getErrorOutput()).isZero();
        assertThat(backfill.getOutput()).contains("corp: 1 folder(s), 3 message(s) archived, 0 already archived");

        LaunchResult again = launcher.launch("backfill", "--account", "corp");
        assertThat(again.getOutput()).contains("0 message(s) archived, 0 already archived");

        LaunchResult verify = launcher.launch("verify", "--server");
        assertThat(verify.exitCode()).as(verify.getOutput() + verify.getErrorOutput()).isZero();
        assertThat(verify.getOutput()).contains("3 place(s), 3 stored message(s) (hashes checked), 3 indexed",
                "archive: OK", "corp/INBOX: 3 on the server, all archived");

        asIfBuiltBeforeSchemaVersions(DATA.resolve("lucene"));
        LaunchResult older = launcher.launch("verify");
        assertThat(older.exitCode()).as("an older index is no discrepancy").isZero();
        assertThat(older.getOutput()).contains("NOTE the index was built by an older mailwarden", "mailwarden reindex");

        LaunchResult reindex = launcher.launch("reindex");
        assertThat(reindex.exitCode()).as(reindex.getErrorOutput()).isZero();
        assertThat(reindex.getOutput()).contains("reindexed 3 message place(s)");
        assertThat(launcher.launch("verify").getOutput()).contains("archive: OK").doesNotContain("NOTE");

        try (Stream<Path> files = Files.walk(DATA.resolve("messages"))) {
            Path one = files.filter(p -> p.toString().endsWith(".eml.gz")).findFirst().orElseThrow();
            Files.write(one, new byte[] {0x1f, (byte) 0x8b});
        }
        LaunchResult broken = launcher.launch("verify");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.getOutput()).contains("DISCREPANCY raw bytes altered or unreadable", "1 discrepancy(ies)");
    }

    /** The index's last commit as builds before index schema versions wrote it: its time only. */
    private static void asIfBuiltBeforeSchemaVersions(Path lucene) throws IOException {
        try (FSDirectory d = FSDirectory.open(lucene);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            w.setLiveCommitData(Map.of("mailwarden.committed-at", Long.toString(System.currentTimeMillis())).entrySet());
            w.commit();
        }
    }

    @Test
    void unknownAccountIsNamed(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("backfill", "--account", "nope");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.getErrorOutput()).contains("no account named 'nope' (configured: [corp])");
    }
}
