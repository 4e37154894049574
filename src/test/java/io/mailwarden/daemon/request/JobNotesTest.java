package io.mailwarden.daemon.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.archive.Backfill;
import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.imap.LoginBudget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a job waits for reaches the waiting command at once, not only with its result. */
class JobNotesTest {

    @TempDir
    Path dir;

    @Test
    void aRequestedBackfillSaysAtOnceThatItWaitsForTheDaemonsOwnSync() throws Exception {
        Endpoint imap = new Endpoint("127.0.0.1", 1, TlsMode.NONE);
        Account acme = new Account("acme", Provider.CUSTOM, "ops", new Account.Secret("pw"), imap, imap, null,
                List.of("INBOX"), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), false);
        ReentrantLock sync = new ReentrantLock();
        Thread daemonsOwnSync = Thread.ofPlatform().start(sync::lock); // held by another thread, never released
        daemonsOwnSync.join();
        JobEnv env = new JobEnv(null, null, null, Backfill.Options.defaults(), List.of(acme),
                a -> LoginBudget.forAccount(a, Clock.systemUTC()), name -> sync);
        List<String> notes = new CopyOnWriteArrayList<>();
        StringWriter err = new StringWriter();
        JobIo io = new JobIo(new PrintWriter(new StringWriter()), new PrintWriter(err, true), BackfillProgress.NONE,
                notes::add, () -> notes.isEmpty() ? null : JobIo.Stop.CANCELLED); // Ctrl-C once told

        int exit = new BackfillJob(null, null).run(env, io);

        assertThat(notes).containsExactly("acme: the daemon is syncing this account; the backfill starts when that sync"
                + " ends");
        assertThat(exit).isEqualTo(130);
        assertThat(err.toString()).contains("acme: backfill stopped at your request before it started");
    }

    @Test
    void notesTravelThroughTheProgressFileBetweenTheProgressLines() throws Exception {
        Path file = dir.resolve("1.progress");
        List<String> seen = new ArrayList<>();
        AtomicLong messages = new AtomicLong();
        BackfillProgress meter = new BackfillProgress() {
            public void folder(String account, String folder, long count, long bytes) {
                seen.add("folder " + account + "/" + folder + " " + count);
            }

            public void message(long bytes) {
                messages.incrementAndGet();
            }

            public void done() {
                seen.add("done after " + messages.get());
            }
        };
        ProgressReader reader = new ProgressReader(file, meter, note -> seen.add("note " + note));

        try (ProgressWriter writer = new ProgressWriter(file)) {
            writer.note("acme: waiting\tfor the sync");
            writer.folder("acme", "INBOX", 2, 10);
            writer.message(4);
            writer.message(6);
            writer.done();
        }
        reader.poll();

        assertThat(seen).containsExactly("note acme: waiting for the sync", "folder acme/INBOX 2", "done after 2");
    }
}
