package io.mailwarden.daemon.request;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Runs one claimed request in the daemon: its job on the daemon's archive, its progress to the progress file,
 * what it prints to a transcript, and at the end the result, written whole. The job stops at its next safe
 * point when the command cancels it, when the command is gone, or when the daemon stops.
 */
final class RequestRun {

    private static final Logger LOG = Logger.getLogger("mailwarden.daemon");
    private static final long CHECK_EVERY_NANOS = 200_000_000L;

    private final RequestDir dir;
    private final JobEnv env;
    private volatile boolean stopping;

    RequestRun(RequestDir dir, JobEnv env) {
        this.dir = dir;
        this.env = env;
    }

    /** The daemon stops: running jobs stop at their next safe point, claimed ones do not start. */
    void stopping() {
        stopping = true;
    }

    /** The request in {@code file}, or null (logged) when it cannot be read. */
    Request readQuietly(Path file) {
        try {
            return dir.read(file, Request.class);
        } catch (IOException e) {
            LOG.warnf("request %s: cannot be read (%s)", file.getFileName(), e.getMessage());
            return null;
        }
    }

    void run(String id, Request request) {
        Outcome outcome;
        if (request == null) {
            outcome = Outcome.failed("the daemon cannot read the request (written by another version of mailwarden?)");
        } else if (stopping) {
            outcome = Outcome.failed("the daemon stopped before running the " + request.job().command()
                    + ": nothing was done; run it again");
        } else {
            outcome = run(id, request.job(), new StopCheck(id, request));
        }
        try {
            dir.write(dir.file(id, RequestDir.RESULT), outcome);
        } catch (IOException e) {
            LOG.errorf("request %s: cannot write its result (%s); the command reports the daemon's stop", id,
                    e.getMessage());
        }
    }

    private Outcome run(String id, ArchiveJob job, StopCheck stop) {
        LOG.infof("request %s: %s started", id, job);
        Transcript transcript = new Transcript();
        int exit;
        try (ProgressWriter progress = new ProgressWriter(dir.file(id, RequestDir.PROGRESS))) {
            exit = job.run(env, new JobIo(transcript.out(), transcript.err(), progress, progress::note, stop::get));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            transcript.err().println(job.command() + " interrupted: " + job.again());
            exit = 1;
        } catch (Exception e) { // as the command says what stopped it when it runs the job itself
            LOG.warnf(e, "request %s: %s failed", id, job.command());
            transcript.err().println(Objects.requireNonNullElse(e.getMessage(), e.toString()));
            exit = 1;
        }
        LOG.infof("request %s: %s ended (exit code %d)", id, job.command(), exit);
        return new Outcome(exit, transcript.lines());
    }

    /** Why the job should stop, if it should; looked up at most a few times a second (import asks per message). */
    private final class StopCheck {
        private final Path cancel;
        private final ProcessId client;
        private JobIo.Stop last;
        private long checked;

        StopCheck(String id, Request request) {
            this.cancel = dir.file(id, RequestDir.CANCEL);
            this.client = request.client();
            this.checked = System.nanoTime() - CHECK_EVERY_NANOS; // the first call looks (nanoTime may be negative)
        }

        synchronized JobIo.Stop get() {
            if (stopping) {
                return JobIo.Stop.DAEMON_STOPPING;
            }
            long now = System.nanoTime();
            if (last == null && now - checked >= CHECK_EVERY_NANOS) {
                checked = now;
                last = Files.exists(cancel) ? JobIo.Stop.CANCELLED
                        : client != null && !client.alive() ? JobIo.Stop.COMMAND_GONE : null;
            }
            return last;
        }
    }
}
