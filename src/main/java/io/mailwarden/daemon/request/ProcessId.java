package io.mailwarden.daemon.request;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.Optional;

/**
 * A process, told apart from a later one that got the same pid by its start time (epoch millis, 0 when the
 * platform does not tell).
 */
@RegisterForReflection
public record ProcessId(long pid, long started) {

    static ProcessId current() {
        return of(ProcessHandle.current());
    }

    static ProcessId of(ProcessHandle p) {
        return new ProcessId(p.pid(), p.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L));
    }

    /** Whether this process still runs. */
    boolean alive() {
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        return p.isPresent() && p.get().isAlive() && (started == 0 || of(p.get()).started() == started);
    }
}
