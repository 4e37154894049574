package io.mailwarden.archive.extract;

import io.mailwarden.archive.extract.Extraction.Status;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The limits and the outcome of one attachment's extraction, checked from inside the parse (text sink,
 * input streams, embedded documents): the deadline, interruption and the expanded-size budget. What went
 * wrong is recorded here as it happens, so that the outcome is right even when a parser wraps or
 * swallows the exception that stopped it. Confined to the parsing thread; its caller reads it after the
 * parse ends.
 */
final class Guard {

    /** Thrown (or wrapped) to stop a parse at a limit. */
    static final class Stopped extends IOException {
        Stopped(String message) {
            super(message);
        }
    }

    private final long deadline;
    private final Duration timeout;
    private final long maxExpanded;
    private long expandable;
    private boolean stopped;
    private Status status;
    private final List<String> problems = new ArrayList<>();

    Guard(ExtractLimits limits) {
        this.timeout = limits.timeout();
        this.deadline = System.nanoTime() + limits.timeout().toNanos();
        this.maxExpanded = limits.maxExpandedBytes();
        this.expandable = maxExpanded;
    }

    /** Stops the parse when a limit was hit, the deadline passed or the pool gave up on the thread. */
    void tick() throws Stopped {
        if (!stopped && (System.nanoTime() > deadline || Thread.currentThread().isInterrupted())) {
            throw stop(Status.TIMEOUT, "stopped at its timeout of " + timeout);
        }
        if (stopped) {
            throw new Stopped("extraction stopped at a limit");
        }
    }

    /** Charges bytes unpacked from an archive or embedded document to the budget. */
    void expanded(long bytes) throws Stopped {
        expandable -= bytes;
        if (expandable < 0 && !stopped) {
            throw stop(Status.TOO_LARGE, "unpacked content exceeds " + maxExpanded + " bytes (zip bomb?)");
        }
        tick();
    }

    /** Records a limit and returns the exception that stops the parse. */
    Stopped stop(Status why, String problem) {
        if (!stopped) {
            stopped = true;
            note(why, problem);
        }
        return new Stopped(problem);
    }

    /** Records something that could not be extracted, without stopping the rest. The first status wins. */
    void note(Status why, String problem) {
        if (status == null) {
            status = why;
        }
        if (problems.size() < 10) { // enough to explain it; a zip of a thousand broken files stays one line
            problems.add(problem);
        }
    }

    boolean stopped() {
        return stopped;
    }

    /** The first thing that went wrong, or null. */
    Status status() {
        return status;
    }

    String problems() {
        return String.join("; ", problems);
    }
}
