package io.mailwarden.cli;

import io.mailwarden.backup.snapshot.SnapshotCheck;
import io.mailwarden.backup.snapshot.SnapshotService;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What the snapshot commands share: the service, and one clear line for any failure. */
abstract class SnapshotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Inject
    SnapshotService service;

    protected abstract int work() throws IOException;

    @Override
    public final Integer call() {
        try {
            return work();
        } catch (NoSuchFileException e) {
            err().println("cannot read " + e.getFile() + (e.getReason() == null ? "" : ": " + e.getReason()));
            return 3;
        } catch (IOException | RuntimeException e) { // refusals, bad settings, state or index trouble: one line each
            err().println(e.getMessage());
            return 1;
        } finally {
            out().flush();
            err().flush();
        }
    }

    /** Prints a verification's outcome; true when the snapshot matches its manifest. */
    boolean print(SnapshotCheck.Report r) {
        r.problems().forEach(p -> out().println("  " + p));
        out().printf("%s: %d file(s), %d MB checked: %s%n", r.snapshot(), r.files(), r.bytes() >> 20,
                r.ok() ? "OK" : r.problems().size() + " discrepancy(ies)");
        return r.ok();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
