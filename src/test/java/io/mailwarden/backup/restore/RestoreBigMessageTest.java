package io.mailwarden.backup.restore;

import static io.mailwarden.backup.BackupFixtures.big;
import static io.mailwarden.backup.BackupFixtures.leftIn;
import static io.mailwarden.backup.restore.RestoreFixture.intoTheirFolders;
import static io.mailwarden.backup.restore.RestoreFixture.restore;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailwarden.account.Account;
import io.mailwarden.account.Provider;
import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.backup.ArchiveSource;
import io.mailwarden.backup.BackupFixtures;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.format.Formats;
import io.mailwarden.state.ContentHash;
import io.mailwarden.state.TestState;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restoring messages too big to hold: APPEND streams them from their file, the server gets exactly their bytes,
 * the next run finds them there (hashed on the server in pieces) and no spool file is left.
 */
class RestoreBigMessageTest {

    static final String USER = "zhang.san@example.cn";
    static final Instant MARCH = Instant.parse("2026-03-02T01:15:00Z");

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort());

    @TempDir
    Path tmp;

    private Account account;

    @BeforeEach
    void server() {
        greenMail.setUser(USER, USER, RestoreFixture.PASSWORD);
        account = RestoreFixture.account(USER, greenMail.getImap().getPort(), Provider.CUSTOM);
    }

    @Test
    void aNineMegabyteArchivedMessageLandsByteForByteAndOnce() throws Exception {
        TestState state = new TestState();
        RawStore store = new RawStore(tmp.resolve("data"));
        byte[] raw = big("nine megabytes", "theta", 9 << 20, false);
        RawStore.Stored stored = BackupFixtures.archived(state, store, raw, MARCH);
        Spool spool = Spool.of(tmp.resolve("data"));
        RestoreReport first = restore(account, intoTheirFolders(), new ArchiveSource(state.archive, store,
                ArchiveSource.all()), spool, BackfillProgress.NONE, line -> { });
        RestoreReport again = restore(account, intoTheirFolders(), new ArchiveSource(state.archive, store,
                ArchiveSource.all()), spool, BackfillProgress.NONE, line -> { });
        assertThat(first.appended()).isEqualTo(1);
        assertThat(again.appended()).isZero();
        assertThat(again.present()).isEqualTo(1);
        assertThat(RestoreFixture.folder(greenMail.getImap().getPort(), USER, "INBOX")).singleElement().satisfies(h -> {
            assertThat(ContentHash.of(h.raw())).isEqualTo(stored.hash());
            assertThat(h.flags()).contains("\\Seen");
            assertThat(h.internalDate()).isEqualTo(MARCH);
        });
        assertThat(leftIn(spool)).isEmpty();
    }

    @Test
    void aBigMessageWithBareLineFeedsFromAnMboxIsAppendedAsCrlfAndFoundAgain() throws Exception {
        byte[] lf = big("big LF", "iota", 200_000, true);
        Path mbox = BackupFixtures.mbox(tmp.resolve("大.mbox"), lf);
        Spool spool = BackupFixtures.spool(tmp);

        RestoreReport first;
        try (MessageSource source = Formats.open(mbox, spool)) {
            first = restore(account, intoTheirFolders(), source, spool, BackfillProgress.NONE, line -> { });
        }
        RestoreReport again;
        try (MessageSource source = Formats.open(mbox, spool)) {
            again = restore(account, intoTheirFolders(), source, spool, BackfillProgress.NONE, line -> { });
        }

        assertThat(first.appended()).isEqualTo(1);
        assertThat(again.present()).isEqualTo(1);
        assertThat(RestoreFixture.folder(greenMail.getImap().getPort(), USER, "大")).singleElement()
                .satisfies(h -> assertThat(h.raw()).isEqualTo(BackupFixtures.crlf(lf)));
        assertThat(leftIn(spool)).isEmpty();
    }
}
