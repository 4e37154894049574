package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@code mailwarden restore} as an admin runs it: archive a mailbox, lose its mail, put it back. */
@QuarkusMainTest
@TestProfile(RestoreCommandTest.Account.class)
class RestoreCommandTest {

    static final String USER = "zhou.qi@example.cn";
    static final Path DATA = Path.of("target/test-data/restore-cli-" + ProcessHandle.current().pid()).toAbsolutePath();
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
    void archivedMailLostOnTheServerIsRestoredOnceWithItsFlags(QuarkusMainLauncher launcher) throws Exception {
        for (String name : new String[] {"alpha", "beta", "gamma"}) {
            MAIL.getUserManager().getUser(USER).deliver(new MimeMessage(null, new ByteArrayInputStream(
                    ("From: a@vendor.example\r\nTo: " + USER + "\r\nSubject: 报告 " + name + "\r\nMessage-ID: <" + name
                            + "@x>\r\n\r\n季度报告\r\n").getBytes(StandardCharsets.UTF_8))));
        }
        inbox(f -> f.getMessage(1).setFlag(Flags.Flag.SEEN, true));
        assertThat(launcher.launch("backfill").exitCode()).isZero();
        inbox(f -> {
            f.setFlags(1, f.getMessageCount(), new Flags(Flags.Flag.DELETED), true);
            f.expunge();
        });

        LaunchResult dry = launcher.launch("restore", "--account", "corp", "--dry-run");
        assertThat(dry.exitCode()).as(dry.getErrorOutput()).isZero();
        assertThat(dry.getOutput()).contains("would append  INBOX", "报告 beta", "corp: 3 to append, 0 already there");
        assertThat(count("INBOX")).isZero();

        LaunchResult restore = launcher.launch("restore", "--account", "corp");
        assertThat(restore.exitCode()).as(restore.getErrorOutput()).isZero();
        assertThat(restore.getOutput()).contains("INBOX: 3 appended, 0 already there, 0 failed");
        assertThat(count("INBOX")).isEqualTo(3);
        inbox(f -> assertThat(f.getMessage(1).isSet(Flags.Flag.SEEN)).isTrue());

        LaunchResult one = launcher.launch("restore", "--account", "corp", "--to-folder", "恢复", "subject:beta");
        assertThat(one.exitCode()).as(one.getErrorOutput()).isZero();
        assertThat(one.getOutput()).contains("恢复 (created): 1 appended");
        assertThat(count("恢复")).isEqualTo(1);
    }

    @FunctionalInterface
    interface FolderWork {
        void run(Folder folder) throws Exception;
    }

    private static void inbox(FolderWork work) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", MAIL.getImap().getPort(), USER, CliMailAccount.PASSWORD);
        try {
            Folder f = store.getFolder("INBOX");
            f.open(Folder.READ_WRITE);
            work.run(f);
            f.close(false);
        } finally {
            store.close();
        }
    }

    private static int count(String folder) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", MAIL.getImap().getPort(), USER, CliMailAccount.PASSWORD);
        try {
            Folder f = store.getFolder(folder);
            return f.exists() ? f.getMessageCount() : 0;
        } finally {
            store.close();
        }
    }

}
