package io.mailwarden.daemon.request;

import io.mailwarden.archive.BackfillProgress;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A job's progress in the daemon, appended to its request's progress file for the waiting command to show
 * (see {@link ProgressReader}): a line when a folder's walk starts, the messages done summed over a few
 * tenths of a second (not a line a message), what the job waits for, and a line at the end. A progress file
 * is for the eyes only: it is not fsynced.
 */
final class ProgressWriter implements BackfillProgress, Closeable {

    static final String FOLDER = "folder";
    static final String MESSAGES = "messages";
    static final String DONE = "done";
    static final String NOTE = "note";
    private static final long EVERY_NANOS = 200_000_000L;

    private final BufferedWriter out;
    private long messages;
    private long bytes;
    private long lastWritten = System.nanoTime();

    ProgressWriter(Path file) throws IOException {
        out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        out.flush(); // the file exists from now on: the command sees that its request runs
    }

    @Override
    public synchronized void folder(String account, String folder, long messages, long bytes) {
        writeMessages();
        line(FOLDER + "\t" + messages + "\t" + bytes + "\t" + oneLine(account) + "\t" + oneLine(folder));
    }

    @Override
    public synchronized void message(long bytes) {
        messages++;
        this.bytes += bytes;
        if (System.nanoTime() - lastWritten >= EVERY_NANOS) {
            writeMessages();
        }
    }

    /** A line for the command to show at once (see {@link JobIo#note}). */
    synchronized void note(String text) {
        writeMessages();
        line(NOTE + "\t" + oneLine(text));
    }

    @Override
    public synchronized void done() {
        writeMessages();
        line(DONE);
    }

    private void writeMessages() {
        if (messages > 0) {
            line(MESSAGES + "\t" + messages + "\t" + bytes);
            messages = 0;
            bytes = 0;
        }
        lastWritten = System.nanoTime();
    }

    private void line(String text) {
        try {
            out.write(text);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the progress of the request: " + e.getMessage(), e);
        }
    }

    /** Names are shown, not parsed back: tabs and line breaks in them become spaces. */
    private static String oneLine(String s) {
        return s.replaceAll("[\\t\\r\\n]", " ");
    }

    @Override
    public synchronized void close() throws IOException {
        writeMessages();
        out.close();
    }
}
