package io.mailwarden.backup.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.backup.BackupFixtures;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail written by another program (Python's mailbox module), read by Formats.open without a manifest. */
class ForeignMailboxTest {

    private static final String WRITE = """
            import mailbox, sys
            root = sys.argv[1]
            md = mailbox.Maildir(root + "/maildir", create=True)
            m = mailbox.MaildirMessage(b"Subject: one\\n\\nFrom the top\\n"); m.set_flags("RS"); m.set_subdir("cur")
            md.add(m)
            sub = md.add_folder("项目.2025")
            sub.add(mailbox.MaildirMessage(b"Subject: two\\n\\nbody\\n"))
            mb = mailbox.mbox(root + "/old.mbox", create=True)
            x = mailbox.mboxMessage(b"Subject: three\\n\\nbody\\n"); x.set_flags("RF"); x.set_from("a@example.cn")
            mb.add(x); mb.add(mailbox.mboxMessage(b"Subject: four\\n\\nlast\\n")); mb.flush()
            """;

    @TempDir
    Path tmp;

    @Test
    void readsAMaildirTreeAndAnMboxThatPythonWrote() throws Exception {
        Process p = new ProcessBuilder("python3", "-c", WRITE, tmp.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(output).isTrue();

        List<BackupMessage> maildir = read(tmp.resolve("maildir"));
        assertThat(maildir).extracting(BackupMessage::folder).containsExactly("INBOX", "项目/2025");
        assertThat(new String(BackupFixtures.bytes(maildir.get(0).raw()))).isEqualTo("Subject: one\n\nFrom the top\n");
        assertThat(maildir.get(0).flags()).containsExactlyInAnyOrder("\\Seen", "\\Answered");
        assertThat(maildir.get(1).flags()).isEmpty();
        assertThat(maildir).allSatisfy(m -> assertThat(m.internalDate()).isNotNull());

        List<BackupMessage> mbox = read(tmp.resolve("old.mbox"));
        assertThat(mbox).extracting(m -> new String(BackupFixtures.bytes(m.raw())).lines().findFirst().orElseThrow())
                .containsExactly("Subject: three", "Subject: four");
        assertThat(mbox.get(0).flags()).containsExactlyInAnyOrder("\\Seen", "\\Flagged");
        assertThat(mbox).extracting(BackupMessage::folder).containsOnly("old");
    }

    private static List<BackupMessage> read(Path path) throws IOException {
        List<BackupMessage> all = new ArrayList<>();
        try (MessageSource s = Formats.open(path, BackupFixtures.spool(path.getParent()))) {
            s.forEach(all::add);
        }
        return all;
    }
}
