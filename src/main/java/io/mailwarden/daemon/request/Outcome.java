package io.mailwarden.daemon.request;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * How a request ended: the command's exit code and what it printed, in order.
 *
 * @param exit the exit code the command ends with
 * @param lines the lines it printed on standard output and standard error
 */
@RegisterForReflection
public record Outcome(int exit, List<Line> lines) {

    /** A printed line; {@code err} when it went to standard error. */
    @RegisterForReflection
    public record Line(boolean err, String text) {
    }

    static Outcome failed(String message) {
        return new Outcome(1, List.of(new Line(true, message)));
    }
}
