package io.mailwarden.daemon.request;

import io.mailwarden.archive.BackfillProgress;
import java.io.PrintWriter;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where an archive job reports, and how it learns that it should stop.
 *
 * @param out what the command prints on standard output
 * @param err what it prints on standard error
 * @param progress the progress meter
 * @param note a line shown at once on the command's standard error while the job goes on (what it waits for),
 *        where {@code err} is shown only at the end when the daemon runs the job
 * @param stop null while the job should go on, else why it should stop at its next safe point
 */
public record JobIo(PrintWriter out, PrintWriter err, BackfillProgress progress, Consumer<String> note,
        Supplier<Stop> stop) {

    /** Why a job stops before its end, and the exit code it then ends with. */
    public enum Stop {
        CANCELLED("at your request", 130),
        DAEMON_STOPPING("because the daemon is stopping", 1),
        COMMAND_GONE("because the command that asked for it is gone", 1);

        final String reason;
        final int exit;

        Stop(String reason, int exit) {
            this.reason = reason;
            this.exit = exit;
        }
    }

    /** For a command that runs the job itself: it goes on until done. */
    public static JobIo direct(PrintWriter out, PrintWriter err, BackfillProgress progress) {
        return new JobIo(out, err, progress, err::println, () -> null);
    }
}
