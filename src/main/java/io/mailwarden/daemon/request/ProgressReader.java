package io.mailwarden.daemon.request;

import io.mailwarden.archive.BackfillProgress;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Follows a request's progress file (written by {@link ProgressWriter}) and replays it on the command's own
 * progress meter, so that a job run by the daemon shows as the same job run by the command itself.
 */
final class ProgressReader {

    private final Path file;
    private final BackfillProgress to;
    private final Consumer<String> notes;
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long offset;

    /** @param notes where the job's notes go (the command's standard error) */
    ProgressReader(Path file, BackfillProgress to, Consumer<String> notes) {
        this.file = file;
        this.to = to;
        this.notes = notes;
    }

    /** Whether the file exists: the daemon has started the request. */
    boolean started() {
        return Files.exists(file);
    }

    /** Replays the lines written since the last call. */
    void poll() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(offset);
            byte[] buf = in.readAllBytes();
            offset += buf.length;
            for (byte b : buf) {
                if (b == '\n') {
                    replay(partial.toString(StandardCharsets.UTF_8));
                    partial.reset();
                } else {
                    partial.write(b);
                }
            }
        } catch (NoSuchFileException e) {
            // not started yet
        }
    }

    private void replay(String line) {
        String[] f = line.split("\t", -1);
        switch (f[0]) {
            case ProgressWriter.FOLDER -> to.folder(f[3], f[4], Long.parseLong(f[1]), Long.parseLong(f[2]));
            case ProgressWriter.MESSAGES -> {
                long n = Long.parseLong(f[1]);
                to.message(Long.parseLong(f[2])); // the meter counts messages one by one; the bytes come with the first
                for (long i = 1; i < n; i++) {
                    to.message(0);
                }
            }
            case ProgressWriter.DONE -> to.done();
            case ProgressWriter.NOTE -> notes.accept(f[1]);
            default -> {
                // a line of a later version: nothing to show
            }
        }
    }
}
