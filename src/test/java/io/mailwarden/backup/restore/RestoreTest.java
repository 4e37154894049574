package io.mailwarden.backup.restore;

import static io.mailwarden.backup.restore.RestoreFixture.archived;
import static io.mailwarden.backup.restore.RestoreFixture.folder;
import static io.mailwarden.backup.restore.RestoreFixture.intoTheirFolders;
import static io.mailwarden.backup.restore.RestoreFixture.mail;
import static io.mailwarden.backup.restore.RestoreFixture.restore;
import static io.mailwarden.backup.restore.RestoreFixture.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailwarden.account.Account;
import io.mailwarden.account.Provider;
import io.mailwarden.backup.BackupFixtures;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.format.Formats;
import io.mailwarden.state.ContentHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Restoring into GreenMail: what lands where, with which flags and dates, and that nothing lands twice. */
class RestoreTest {

    static final String USER = "zhang.san@example.cn";
    static final Instant MARCH = Instant.parse("2026-03-02T01:15:00Z");

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    private Account account;

    @BeforeEach
    void server() {
        greenMail.setUser(USER, USER, RestoreFixture.PASSWORD);
        account = RestoreFixture.account(USER, greenMail.getImap().getPort(), Provider.CUSTOM);
    }

    private List<RestoreFixture.Held> held(String folder) throws Exception {
        return folder(greenMail.getImap().getPort(), USER, folder);
    }

    private static List<BackupMessage> inbox(int n) {
        List<BackupMessage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(archived("INBOX", mail("<m" + i + "@example.cn>", "第" + i + "封", "正文 " + i), Set.of("\\Seen"),
                    MARCH.plusSeconds(60L * i), "archive m" + i));
        }
        return out;
    }

    @Test
    void keepsBytesFlagsKeywordsAndInternalDate() throws Exception {
        byte[] raw = mail("<flags@example.cn>", "合同 flags", "body");
        RestoreReport r = restore(account, intoTheirFolders(), source(List.of(archived("INBOX", raw,
                Set.of("\\Seen", "\\Flagged", "\\Answered", "\\Draft", "$Invoice"), MARCH, "archive flags"))));

        assertThat(r.ok()).isTrue();
        assertThat(r.appended()).isEqualTo(1);
        List<RestoreFixture.Held> inbox = held("INBOX");
        assertThat(inbox).hasSize(1);
        assertThat(ContentHash.of(inbox.get(0).raw())).isEqualTo(ContentHash.of(raw));
        assertThat(inbox.get(0).flags()).contains("\\Seen", "\\Flagged", "\\Answered", "\\Draft", "$Invoice");
        assertThat(inbox.get(0).internalDate()).isEqualTo(MARCH);
    }

    @Test
    void leavesDeletedAndRecentOffAndUnreadMailUnread() throws Exception {
        restore(account, intoTheirFolders(), source(List.of(
                archived("INBOX", mail("<del@example.cn>", "deleted", "x"), Set.of("\\Deleted", "\\Recent"), MARCH, "a1"),
                archived("INBOX", mail("<unread@example.cn>", "unread", "y"), Set.of(), MARCH, "a2"))));

        assertThat(held("INBOX")).hasSize(2)
                .allSatisfy(h -> assertThat(h.flags()).doesNotContain("\\Deleted", "\\Seen"));
    }

    @Test
    void createsMissingFoldersWithChineseNames() throws Exception {
        RestoreReport r = restore(account, intoTheirFolders(), source(List.of(
                archived("财务/发票", mail("<a@example.cn>", "发票", "x"), Set.of(), MARCH, "a1"),
                archived("项目 2026", mail("<b@example.cn>", "项目", "y"), Set.of(), MARCH, "a2"))));

        assertThat(r.folders()).extracting(RestoreReport.Folder::serverName, RestoreReport.Folder::created)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("财务.发票", true),
                        org.assertj.core.groups.Tuple.tuple("项目 2026", true));
        assertThat(held("财务.发票")).singleElement().satisfies(h -> assertThat(h.text()).contains("<a@example.cn>"));
        assertThat(held("项目 2026")).hasSize(1);
    }

    @Test
    void exmailUserFolderLosesItsExmailParentOnAnotherServer() throws Exception {
        RestoreReport r = restore(account, intoTheirFolders(), source(List.of(
                archived("其他文件夹/合同", mail("<c@example.cn>", "合同", "x"), Set.of(), MARCH, "a1"))));

        assertThat(r.folders()).extracting(RestoreReport.Folder::serverName).containsExactly("合同");
        assertThat(held("合同")).hasSize(1);
    }

    @Test
    void restoringTwiceAppendsNothingTheSecondTime() throws Exception {
        List<BackupMessage> messages = inbox(6);
        assertThat(restore(account, intoTheirFolders(), source(messages)).appended()).isEqualTo(6);

        RestoreReport again = restore(account, intoTheirFolders(), source(messages));

        assertThat(again.appended()).isZero();
        assertThat(again.present()).isEqualTo(6);
        assertThat(held("INBOX")).hasSize(6);
    }

    @Test
    void rerunAfterAKillPartWayCompletesWithoutDuplicates() throws Exception {
        List<BackupMessage> messages = inbox(10);
        assertThatThrownBy(() -> restore(account, intoTheirFolders(), source(messages), RestoreFixture.after(4, () -> {
            throw new IllegalStateException("killed");
        }), line -> { })).hasMessage("killed");
        assertThat(held("INBOX")).hasSize(4);

        RestoreReport rerun = restore(account, intoTheirFolders(), source(messages));

        assertThat(rerun.present()).isEqualTo(4);
        assertThat(rerun.appended()).isEqualTo(6);
        assertThat(held("INBOX")).hasSize(10).extracting(RestoreFixture.Held::text).doesNotHaveDuplicates();
    }

    @Test
    void messageWithoutMessageIdIsRecognisedByItsContent() throws Exception {
        BackupMessage first = archived("INBOX", mail(null, "no id", "one"), Set.of(), MARCH, "file.mbox#1");
        BackupMessage sameSize = archived("INBOX", mail(null, "no id", "two"), Set.of(), MARCH, "file.mbox#2");
        restore(account, intoTheirFolders(), source(List.of(first)));

        RestoreReport r = restore(account, intoTheirFolders(), source(List.of(first, sameSize)));

        assertThat(r.present()).isEqualTo(1);
        assertThat(r.appended()).isEqualTo(1);
        assertThat(held("INBOX")).hasSize(2);
    }

    @Test
    void sameMessageTwiceInTheSourceIsAppendedOnce() throws Exception {
        byte[] raw = mail("<twice@example.cn>", "twice", "x");
        RestoreReport r = restore(account, intoTheirFolders(), source(List.of(
                archived("INBOX", raw, Set.of(), MARCH, "a1"), archived("INBOX", raw, Set.of("\\Seen"), MARCH, "a2"))));

        assertThat(r.appended()).isEqualTo(1);
        assertThat(r.present()).isEqualTo(1);
        assertThat(held("INBOX")).hasSize(1);
    }

    @Test
    void sameMessageIdWithOtherContentIsAppended() throws Exception {
        restore(account, intoTheirFolders(), source(List.of(
                archived("INBOX", mail("<same@example.cn>", "v1", "first"), Set.of(), MARCH, "a1"))));

        RestoreReport r = restore(account, intoTheirFolders(), source(List.of(
                archived("INBOX", mail("<same@example.cn>", "v2", "second version"), Set.of(), MARCH, "a2"))));

        assertThat(r.appended()).isEqualTo(1);
        assertThat(held("INBOX")).hasSize(2);
    }

    @Test
    void bareLineFeedsFromAFileAreRecognisedOnTheNextRun() throws Exception {
        byte[] lf = new String(mail("<lf@example.cn>", "lf", "line one\r\nline two"), StandardCharsets.UTF_8)
                .replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
        BackupMessage m = archived("", lf, Set.of(), null, "export/INBOX/1.eml");
        restore(account, intoTheirFolders(), source(List.of(m)));

        RestoreReport again = restore(account, intoTheirFolders(), source(List.of(m)));

        assertThat(again.present()).isEqualTo(1);
        assertThat(held("INBOX")).singleElement().satisfies(h -> {
            assertThat(h.text()).contains("line one\r\nline two");
            assertThat(h.internalDate()).as("the Date header, lacking an internal date").isEqualTo(MARCH);
        });
    }

    @Test
    void mboxFileIsRestoredIntoTheFolderNamedAfterItOnce(@TempDir Path dir) throws Exception {
        String one = new String(mail("<mbox1@example.cn>", "mbox 一", "first"), StandardCharsets.UTF_8);
        String two = new String(mail("<mbox2@example.cn>", "mbox 二", "second"), StandardCharsets.UTF_8);
        Path mbox = Files.writeString(dir.resolve("工作.mbox"), ("From li.si@example.cn Mon Mar  2 01:15:00 2026\n" + one
                + "\nFrom li.si@example.cn Mon Mar  2 01:16:00 2026\n" + two + "\n").replace("\r\n", "\n"));

        RestoreReport first;
        try (MessageSource source = Formats.open(mbox, BackupFixtures.spool(dir))) {
            first = restore(account, intoTheirFolders(), source);
        }
        RestoreReport again;
        try (MessageSource source = Formats.open(mbox, BackupFixtures.spool(dir))) {
            again = restore(account, intoTheirFolders(), source);
        }

        assertThat(first.appended()).isEqualTo(2);
        assertThat(again.present()).isEqualTo(2);
        assertThat(held("工作")).hasSize(2).allSatisfy(h -> assertThat(h.text()).contains("\r\n\r\n"));
    }

    @Test
    void toFolderPutsEverythingIntoOneFolderAndFolderSelectsOne() throws Exception {
        List<BackupMessage> messages = List.of(
                archived("INBOX", mail("<i@example.cn>", "i", "x"), Set.of(), MARCH, "a1"),
                archived("Work", mail("<w@example.cn>", "w", "y"), Set.of(), MARCH, "a2"));

        restore(account, new Restorer.Options(null, "Restored", false), source(messages));
        restore(account, new Restorer.Options("Work", null, false), source(messages));

        assertThat(held("Restored")).hasSize(2);
        assertThat(held("Work")).singleElement().satisfies(h -> assertThat(h.text()).contains("<w@example.cn>"));
        assertThat(held("INBOX")).isEmpty();
    }

    @Test
    void dryRunAppendsAndCreatesNothingAndListsWhatItWouldDo() throws Exception {
        restore(account, intoTheirFolders(), source(inbox(2)));
        List<BackupMessage> messages = new ArrayList<>(inbox(3));
        messages.add(archived("新文件夹", mail("<n@example.cn>", "新邮件", "x"), Set.of(), MARCH, "a9"));
        List<String> lines = new ArrayList<>();

        RestoreReport r = restore(account, new Restorer.Options(null, null, true), source(messages),
                io.mailwarden.archive.BackfillProgress.NONE, lines::add);

        assertThat(r.dryRun()).isTrue();
        assertThat(r.present()).isEqualTo(2);
        assertThat(r.appended()).isEqualTo(2);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("already there INBOX").contains("第0封");
        assertThat(lines.get(2)).startsWith("would append  INBOX").contains("第2封");
        assertThat(lines.get(3)).startsWith("would append  新文件夹").contains("新邮件");
        assertThat(held("INBOX")).hasSize(2);
        assertThat(held("新文件夹")).isEmpty();
    }
}
