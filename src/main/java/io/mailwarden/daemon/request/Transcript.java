package io.mailwarden.daemon.request;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** What a job run in the daemon prints, line by line and in order, for the waiting command to print. */
final class Transcript {

    private final List<Outcome.Line> lines = new ArrayList<>();
    private final Stream out = new Stream(false);
    private final Stream err = new Stream(true);

    PrintWriter out() {
        return new PrintWriter(out, true);
    }

    PrintWriter err() {
        return new PrintWriter(err, true);
    }

    /** The lines printed so far, a last unfinished one included. */
    List<Outcome.Line> lines() {
        synchronized (lines) {
            out.end();
            err.end();
            return List.copyOf(lines);
        }
    }

    private final class Stream extends Writer {
        private final boolean isErr;
        private final StringBuilder partial = new StringBuilder();

        Stream(boolean isErr) {
            this.isErr = isErr;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            synchronized (lines) {
                for (int i = off; i < off + len; i++) {
                    if (buf[i] == '\n') {
                        line();
                    } else if (buf[i] != '\r') {
                        partial.append(buf[i]);
                    }
                }
            }
        }

        void line() {
            lines.add(new Outcome.Line(isErr, partial.toString()));
            partial.setLength(0);
        }

        void end() {
            if (!partial.isEmpty()) {
                line();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
