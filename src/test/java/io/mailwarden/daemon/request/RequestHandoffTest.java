package io.mailwarden.daemon.request;

import static io.mailwarden.daemon.DaemonHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.Backfill;
import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.daemon.DaemonHarness;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands handing archive work to the daemon: what happens when the daemon is missing, dies, or is asked to stop. */
class RequestHandoffTest {

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void cancelledBackfillStopsAtABatchBoundaryAndTheNextOneResumes() throws Exception {
        try (ArchivingDaemon daemon = new ArchivingDaemon(data, Duration.ofMillis(50), new Backfill.Options(4, 1 << 20, 2))
                .start()) {
            daemon.folder("Projects", 60);
            RequestClient client = new RequestClient(data);
            AtomicBoolean pressed = new AtomicBoolean();
            BackfillProgress interruptOnFirstMessage = new BackfillProgress() {
                public void folder(String account, String folder, long messages, long bytes) {
                }

                public void message(long bytes) {
                    if (!pressed.getAndSet(true)) {
                        client.interrupt(); // Ctrl-C once the daemon archives
                    }
                }
            };

            int exit = client.run(new BackfillJob(null, "Projects"), client.daemon().orElseThrow(), writer(out),
                    writer(err), interruptOnFirstMessage);

            long archived = daemon.places("Projects");
            assertThat(exit).as(err.toString()).isEqualTo(130);
            assertThat(archived).as("stopped after some batches of 4, none cut").isBetween(4L, 56L);
            assertThat(archived % 4).isZero();
            assertThat(out.toString()).contains("acme: 1 folder(s), " + archived + " message(s) archived, 0 already archived");
            assertThat(err.toString()).contains("the daemon stops the backfill at its next safe point",
                    "acme: backfill stopped at your request at a batch boundary (run it again: it resumes where it stopped)");

            StringWriter again = new StringWriter();
            assertThat(new RequestClient(data).run(new BackfillJob("acme", null), client.daemon().orElseThrow(),
                    writer(again), writer(err), BackfillProgress.NONE)).isZero();
            assertThat(again.toString()).contains("acme: 2 folder(s), " + (60 - archived)
                    + " message(s) archived, 0 already archived");
            assertThat(daemon.places("Projects")).isEqualTo(60);
            assertThat(Files.list(data.resolve(RequestDir.DIR)).map(p -> p.getFileName().toString()))
                    .as("the command deleted its requests' files").containsExactly(RequestDir.DAEMON);
        }
    }

    @Test
    void daemonStoppingEndsARequestedBackfillAtABatchBoundaryAndTheCommandSaysSo() throws Exception {
        ArchivingDaemon daemon = new ArchivingDaemon(data, Duration.ofMillis(50), new Backfill.Options(4, 1 << 20, 2))
                .start();
        try {
            daemon.folder("Projects", 60);
            RequestClient client = new RequestClient(data);
            CountDownLatch archiving = new CountDownLatch(1);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> run(client, new BackfillJob(null,
                    "Projects"), err, counting(archiving)));
            assertThat(archiving.await(30, TimeUnit.SECONDS)).as("the daemon archives").isTrue();

            daemon.close(); // as at a SIGTERM: the running request is asked to stop, and waited for

            assertThat(exit.get(30, TimeUnit.SECONDS)).as(err.toString()).isEqualTo(1);
            long archived = daemon.places("Projects");
            assertThat(archived).as("stopped after some batches of 4, none cut").isBetween(4L, 56L);
            assertThat(archived % 4).isZero();
            assertThat(err.toString()).contains("acme: backfill stopped because the daemon is stopping at a batch"
                    + " boundary (run it again: it resumes where it stopped)");
        } finally {
            daemon.close();
        }
    }

    @Test
    void requestClaimedBehindARunningOneIsNotStartedWhenTheDaemonStops() throws Exception {
        ArchivingDaemon daemon = new ArchivingDaemon(data, Duration.ofMillis(50), new Backfill.Options(4, 1 << 20, 2))
                .start();
        ExecutorService commands = Executors.newCachedThreadPool();
        try {
            daemon.folder("Projects", 120); // 3 s of archiving at least: time to queue a request behind it
            RequestClient first = new RequestClient(data);
            CountDownLatch archiving = new CountDownLatch(1);
            // threads of their own: the common pool may have room for one task only
            CompletableFuture<Integer> backfill = CompletableFuture.supplyAsync(() -> run(first, new BackfillJob(null,
                    "Projects"), new StringWriter(), counting(archiving)), commands);
            assertThat(archiving.await(30, TimeUnit.SECONDS)).as("the daemon archives").isTrue();
            RequestClient second = new RequestClient(data);
            CompletableFuture<Integer> reindex = CompletableFuture.supplyAsync(() -> run(second, new ReindexJob(), err,
                    BackfillProgress.NONE), commands);
            RequestDir dir = new RequestDir(data);
            await("both requests claimed", () -> ids(dir, RequestDir.CLAIMED).size() == 2);

            daemon.close();

            assertThat(backfill.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(reindex.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(err.toString()).contains("the daemon stopped before running the reindex: nothing was done; run it"
                    + " again");
        } finally {
            daemon.close();
            commands.shutdownNow();
        }
    }

    /** Progress that counts {@code archived} down for each message the daemon archives. */
    private static BackfillProgress counting(CountDownLatch archived) {
        return new BackfillProgress() {
            public void folder(String account, String folder, long messages, long bytes) {
            }

            public void message(long bytes) {
                archived.countDown();
            }
        };
    }

    private int run(RequestClient client, ArchiveJob job, StringWriter errors, BackfillProgress progress) {
        try {
            return client.run(job, client.daemon().orElseThrow(), writer(out), writer(errors), progress);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void secondCtrlCStopsWaitingWhileTheDaemonFinishesTheReindex() throws Exception {
        try (ArchivingDaemon daemon = new ArchivingDaemon(data, Duration.ofMillis(100), new Backfill.Options(50, 1 << 20, 2))
                .start()) {
            daemon.folder("Projects", 20);
            RequestClient backfill = new RequestClient(data);
            assertThat(backfill.run(new BackfillJob(null, "Projects"), backfill.daemon().orElseThrow(), writer(out),
                    writer(err), BackfillProgress.NONE)).isZero();
            RequestClient client = new RequestClient(data);
            AtomicInteger seen = new AtomicInteger();
            BackfillProgress pressTwice = new BackfillProgress() {
                public void folder(String account, String folder, long messages, long bytes) {
                }

                public void message(long bytes) {
                    int n = seen.incrementAndGet();
                    if (n == 1 || n == 3) {
                        client.interrupt(); // Ctrl-C, and again a little later
                    }
                }
            };

            int exit = client.run(new ReindexJob(), client.daemon().orElseThrow(), writer(out), writer(err), pressTwice);

            assertThat(exit).isEqualTo(130);
            assertThat(err.toString()).contains("interrupted: the reindex cannot stop safely and runs to its end in the"
                    + " daemon (Ctrl-C again to stop waiting)", "not waiting any longer; the daemon (pid "
                    + ProcessHandle.current().pid() + ") finishes the reindex");
            RequestDir dir = new RequestDir(data);
            await("the daemon finishes the reindex nobody waits for", () -> !ids(dir, RequestDir.RESULT).isEmpty());
            Outcome done = dir.read(dir.file(ids(dir, RequestDir.RESULT).getFirst(), RequestDir.RESULT), Outcome.class);
            assertThat(done.exit()).isZero();
            assertThat(done.lines()).containsExactly(new Outcome.Line(false,
                    "reindexed " + daemon.places() + " message place(s)"));
        }
    }

    @Test
    void requestNoDaemonTakesIsWithdrawnWithAClearError() throws Exception {
        RequestDir dir = new RequestDir(data);
        dir.write(dir.path().resolve(RequestDir.DAEMON), ProcessId.current()); // announced, but takes nothing

        RequestClient client = new RequestClient(data, Duration.ofSeconds(1));
        int exit = client.run(new ReindexJob(), client.daemon().orElseThrow(), writer(out), writer(err),
                BackfillProgress.NONE);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("holds the archive but did not take the request within 1 s",
                "the request was withdrawn, nothing was done");
        assertThat(dir.ids(RequestDir.REQUEST)).isEmpty();
    }

    @Test
    void announcementOfAProcessThatIsGoneIsIgnored() throws Exception {
        RequestDir dir = new RequestDir(data);
        dir.write(dir.path().resolve(RequestDir.DAEMON), ended());
        assertThat(new RequestClient(data).daemon()).isEmpty();

        ProcessId reused = new ProcessId(ProcessHandle.current().pid(), 1); // this pid, but another process's start
        dir.write(dir.path().resolve(RequestDir.DAEMON), reused);
        assertThat(new RequestClient(data).daemon()).isEmpty();
    }

    @Test
    void commandNoticesTheDaemonDyingWhileItRunsTheRequest() throws Exception {
        Process daemon = new ProcessBuilder("sleep", "60").start();
        try {
            RequestDir dir = new RequestDir(data);
            dir.write(dir.path().resolve(RequestDir.DAEMON), ProcessId.of(daemon.toHandle()));
            RequestClient client = new RequestClient(data);
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.run(new BackfillJob(null, null), client.daemon().orElseThrow(), writer(out),
                            writer(err), BackfillProgress.NONE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await("the request", () -> !ids(dir, RequestDir.REQUEST).isEmpty());
            assertThat(dir.claim(ids(dir, RequestDir.REQUEST).getFirst())).isTrue(); // as the daemon does

            daemon.destroy();

            assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(err.toString()).contains("the daemon (pid " + daemon.pid() + ") stopped while running the"
                    + " backfill: run it again: it resumes where it stopped");
        } finally {
            daemon.destroyForcibly();
        }
    }

    @Test
    void requestLeftClaimedByADeadDaemonIsReportedFailedAtTheNextStart() throws Exception {
        RequestDir dir = new RequestDir(data);
        dir.write(dir.file("1-left", RequestDir.CLAIMED), new Request("1-left", new ImportJob("/x.mbox", "a", null),
                ended()));
        dir.write(dir.file("0-old", RequestDir.RESULT), new Outcome(0, List.of()));
        Files.setLastModifiedTime(dir.file("0-old", RequestDir.RESULT), FileTime.from(Instant.now().minus(
                Duration.ofDays(2))));
        dir.write(dir.file("2-orphan", RequestDir.REQUEST), new Request("2-orphan", new ReindexJob(), ended()));
        Path cutShort = Files.writeString(dir.file("3-cut.request.json.x", RequestDir.TMP), "{\"id\":");
        Files.setLastModifiedTime(cutShort, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        try (RequestWatcher watcher = RequestWatcher.start(dir, null)) {
            Outcome failed = dir.read(dir.file("1-left", RequestDir.RESULT), Outcome.class);
            assertThat(failed.exit()).isEqualTo(1);
            assertThat(failed.lines()).containsExactly(new Outcome.Line(true,
                    "the daemon stopped while running the import: run it again: what was imported already is skipped"));
            assertThat(dir.files("0-old")).as("finished long ago: cleaned up").isEmpty();
            assertThat(cutShort).as("a write a crash cut short, long ago").doesNotExist();
            await("the request of a command that is gone dropped, not run",
                    () -> ids(dir, RequestDir.REQUEST).isEmpty());
            assertThat(dir.files("2-orphan")).isEmpty();
            assertThat(new RequestClient(data).daemon()).contains(ProcessId.current());
        }
        assertThat(new RequestClient(data).daemon()).as("the announcement goes with the daemon").isEmpty();
    }

    private static List<String> ids(RequestDir dir, String suffix) {
        try {
            return dir.ids(suffix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A process that has ended. */
    private static ProcessId ended() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        ProcessId id = ProcessId.of(p.toHandle());
        DaemonHarness.pause(Duration.ofMillis(10));
        return id;
    }

    private static PrintWriter writer(StringWriter w) {
        return new PrintWriter(w, true);
    }
}
