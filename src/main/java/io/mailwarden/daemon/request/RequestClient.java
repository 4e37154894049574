package io.mailwarden.daemon.request;

import io.mailwarden.archive.BackfillProgress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A command's side of a request: hands an archive job to the running daemon, shows its progress as the
 * command's own, prints what it printed and returns its exit code. A request the daemon does not take within
 * a few seconds is withdrawn; a daemon that dies while running it is noticed.
 */
public final class RequestClient {

    /** Exit code of a command stopped by Ctrl-C. */
    public static final int INTERRUPTED = 130;
    static final Duration CLAIM_WAIT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration QUEUED_AFTER = Duration.ofSeconds(2);

    private final RequestDir dir;
    private final Duration claimWait;
    private final AtomicInteger interrupts = new AtomicInteger();

    public RequestClient(Path dataDir) {
        this(dataDir, CLAIM_WAIT);
    }

    RequestClient(Path dataDir, Duration claimWait) {
        this.dir = new RequestDir(dataDir);
        this.claimWait = claimWait;
    }

    /** The daemon that announced it takes requests, when that process still runs. */
    public Optional<ProcessId> daemon() {
        try {
            return Optional.ofNullable(dir.read(dir.path().resolve(RequestDir.DAEMON), ProcessId.class))
                    .filter(ProcessId::alive);
        } catch (IOException e) {
            return Optional.empty(); // unreadable: no daemon to hand work to, the caller says why it needed one
        }
    }

    /**
     * Ctrl-C: the first asks the daemon to stop the job at its next safe point (or, before the daemon took the
     * request, withdraws it); the second stops waiting.
     */
    public void interrupt() {
        interrupts.incrementAndGet();
    }

    /** Has {@code daemon} run {@code job}; returns the exit code of the command. */
    public int run(ArchiveJob job, ProcessId daemon, PrintWriter out, PrintWriter err, BackfillProgress progress)
            throws IOException, InterruptedException {
        String id = RequestDir.newId();
        Path pending = dir.file(id, RequestDir.REQUEST);
        try {
            dir.write(pending, new Request(id, job, ProcessId.current()));
        } catch (IOException e) {
            throw new IOException("the running daemon (pid " + daemon.pid() + ") holds the archive, but the "
                    + job.command() + " cannot be handed to it: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + claimWait.toNanos();
        while (Files.exists(pending)) {
            boolean interrupted = interrupts.get() > 0;
            boolean late = System.nanoTime() > deadline;
            if ((interrupted || late || !daemon.alive()) && dir.withdraw(id)) {
                dir.delete(id);
                err.println(interrupted ? "interrupted: the request to the daemon was withdrawn; nothing was done"
                        : !daemon.alive() ? "the daemon (pid " + daemon.pid() + ") stopped before taking the request;"
                                + " nothing was done: run the command again"
                        : "the running daemon (pid " + daemon.pid() + ") holds the archive but did not take the request"
                                + " within " + claimWait.toSeconds() + " s (is it hung?); the request was withdrawn,"
                                + " nothing was done");
                return interrupted ? INTERRUPTED : 1;
            }
            Thread.sleep(POLL.toMillis());
        }
        return follow(id, job, daemon, out, err, progress);
    }

    /** Follows a request the daemon took, until its result. */
    private int follow(String id, ArchiveJob job, ProcessId daemon, PrintWriter out, PrintWriter err,
            BackfillProgress progress) throws IOException, InterruptedException {
        ProgressReader reader = new ProgressReader(dir.file(id, RequestDir.PROGRESS), progress, err::println);
        long claimed = System.nanoTime();
        boolean toldQueued = false;
        int interruptsSeen = 0;
        while (true) {
            reader.poll();
            Outcome outcome = dir.read(dir.file(id, RequestDir.RESULT), Outcome.class);
            if (outcome == null && !daemon.alive()) {
                reader.poll();
                outcome = dir.read(dir.file(id, RequestDir.RESULT), Outcome.class); // it may have finished as it died
                if (outcome == null) {
                    err.println("the daemon (pid " + daemon.pid() + ") stopped while running the " + job.command()
                            + ": " + job.again());
                    return 1;
                }
            }
            if (outcome != null) {
                reader.poll();
                for (Outcome.Line line : outcome.lines()) {
                    (line.err() ? err : out).println(line.text());
                }
                dir.delete(id);
                return outcome.exit();
            }
            int n = interrupts.get();
            if (n > interruptsSeen) {
                if (interruptsSeen == 0) { // two quick presses between polls still cancel the job
                    dir.write(dir.file(id, RequestDir.CANCEL), ProcessId.current());
                    err.println(job.stoppable() ? "interrupted: the daemon stops the " + job.command()
                            + " at its next safe point (Ctrl-C again to stop waiting)"
                            : "interrupted: the " + job.command() + " cannot stop safely and runs to its end in the"
                                    + " daemon (Ctrl-C again to stop waiting)");
                }
                interruptsSeen = n;
                if (n > 1) {
                    err.println("not waiting any longer; the daemon (pid " + daemon.pid() + ") finishes the "
                            + job.command() + (job.stoppable() ? " at its next safe point" : ""));
                    return INTERRUPTED;
                }
            }
            if (!toldQueued && !reader.started() && System.nanoTime() - claimed > QUEUED_AFTER.toNanos()) {
                toldQueued = true;
                err.println("the daemon runs an earlier request first; the " + job.command() + " waits for it");
            }
            Thread.sleep(POLL.toMillis());
        }
    }
}
