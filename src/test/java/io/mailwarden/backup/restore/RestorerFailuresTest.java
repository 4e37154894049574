package io.mailwarden.backup.restore;

import static io.mailwarden.backup.restore.RestoreFixture.archived;
import static io.mailwarden.backup.restore.RestoreFixture.intoTheirFolders;
import static io.mailwarden.backup.restore.RestoreFixture.mail;
import static io.mailwarden.backup.restore.RestoreFixture.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.backup.BackupFixtures;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.message.MailboxAppender;
import io.mailwarden.message.MailboxException;
import io.mailwarden.message.MailboxException.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the restorer does when the server says no, against a scripted mailbox. */
class RestorerFailuresTest {

    static final Instant MARCH = Instant.parse("2026-03-02T01:15:00Z");

    /** Folders in memory; refuses what it is told to, and every call after {@link #loginRefused}. */
    static class Scripted implements MailboxAppender {
        final Map<String, List<Append>> folders = new HashMap<>(Map.of("INBOX", new ArrayList<>()));
        final Set<String> refuseCreate;
        final String refuseSubject;
        boolean loginRefused;

        Scripted(Set<String> refuseCreate, String refuseSubject) {
            this.refuseCreate = refuseCreate;
            this.refuseSubject = refuseSubject;
        }

        private void login() throws MailboxException {
            if (loginRefused) {
                throw new MailboxException("login as target refused (password wrong)", Kind.REFUSED, null);
            }
        }

        @Override
        public String serverName(String folder) throws MailboxException {
            login();
            return folder;
        }

        @Override
        public boolean exists(String serverName) {
            return folders.containsKey(serverName);
        }

        @Override
        public void create(String serverName) throws MailboxException {
            if (refuseCreate.contains(serverName)) {
                throw new MailboxException("NO [CANNOT] folder limit reached", Kind.REFUSED, null);
            }
            folders.put(serverName, new ArrayList<>());
        }

        @Override
        public Contents contents(String serverName) {
            return new Contents(List.of(), true, Set.of());
        }

        @Override
        public Map<Long, String> hashes(String serverName, long[] uids) {
            return Map.of();
        }

        @Override
        public String append(String serverName, Append message) {
            String text = new String(BackupFixtures.bytes(message.raw()), java.nio.charset.StandardCharsets.UTF_8);
            if (text.contains(refuseSubject)) {
                return "NO [LIMIT] message too large";
            }
            folders.get(serverName).add(message);
            return null;
        }

        @Override
        public void close() {
        }
    }

    private static BackupMessage message(String folder, String name) {
        return archived(folder, mail("<" + name + "@example.cn>", name, "x"), Set.of(), MARCH, "archive " + name);
    }

    @Test
    void refusedMessageAndRefusedFolderFailAloneAndAreNamed() throws Exception {
        Scripted server = new Scripted(Set.of("Full"), "huge");
        RestoreReport r = new Restorer(server, intoTheirFolders(), RestoreFixture.SPOOL, BackfillProgress.NONE, l -> { })
                .run(source(List.of(message("INBOX", "a"), message("INBOX", "huge"), message("Full", "b"),
                        message("INBOX", "c"))));

        assertThat(r.ok()).isFalse();
        assertThat(r.appended()).isEqualTo(2);
        assertThat(server.folders.get("INBOX")).hasSize(2);
        assertThat(r.failures()).extracting(RestoreReport.Failure::origin, RestoreReport.Failure::answer)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("archive huge", "NO [LIMIT] message too large"),
                        org.assertj.core.groups.Tuple.tuple("archive b", "NO [CANNOT] folder limit reached"));
        assertThat(r.folders()).extracting(RestoreReport.Folder::folder, RestoreReport.Folder::failed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INBOX", 1L),
                        org.assertj.core.groups.Tuple.tuple("Full", 1L));
    }

    @Test
    void refusedLoginStopsTheRestoreWithTheServersReason() {
        Scripted server = new Scripted(Set.of(), "none");
        server.loginRefused = true;

        RestoreException e = catchThrowableOfType(RestoreException.class, () -> new Restorer(server, intoTheirFolders(),
                RestoreFixture.SPOOL, BackfillProgress.NONE, l -> { }).run(source(List.of(message("INBOX", "a")))));

        assertThat(e.getMessage()).contains("login as target refused (password wrong)", "Run it again");
        assertThat(e.soFar().appended()).isZero();
    }

    @Test
    void keywordsAFolderDoesNotKeepAreLeftOffAndCounted() throws Exception {
        Scripted server = new Scripted(Set.of(), "none") {
            @Override
            public Contents contents(String serverName) {
                return new Contents(List.of(), false, Set.of("\\Seen", "$Known"));
            }
        };
        BackupMessage m = archived("INBOX", mail("<k@example.cn>", "k", "x"), Set.of("\\Seen", "$Known", "$Other",
                "\\Deleted"), MARCH, "a1");

        RestoreReport r = new Restorer(server, intoTheirFolders(), RestoreFixture.SPOOL, BackfillProgress.NONE, l -> { })
                .run(source(List.of(m)));

        assertThat(server.folders.get("INBOX")).singleElement()
                .satisfies(a -> assertThat(a.flags()).containsExactlyInAnyOrder("\\Seen", "$Known"));
        assertThat(r.folders()).singleElement().satisfies(f -> assertThat(f.keywordsDropped()).isEqualTo(1));
    }
}
