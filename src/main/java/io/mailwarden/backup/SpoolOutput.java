package io.mailwarden.backup;

import io.mailwarden.message.RawMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One message's bytes as they are written: in memory up to the spool's threshold, then moved to a spool file
 * and streamed there. {@link #finish} hands the message over; closing without finishing deletes the file, so
 * an error half way leaves nothing behind.
 */
public final class SpoolOutput extends OutputStream {

    private final Spool spool;
    private final String what;
    private byte[] buf = new byte[16 * 1024];
    private int count;
    private Path file;
    private OutputStream out;
    private boolean finished;

    SpoolOutput(Spool spool, String what) {
        this.spool = spool;
        this.what = what;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (out == null && count + (long) len > spool.inMemoryMax()) {
            spill();
        }
        if (out != null) {
            out.write(b, off, len);
            return;
        }
        if (count + len > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(spool.inMemoryMax(), Math.max(2L * buf.length, count + len)));
        }
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    private void spill() throws IOException {
        Files.createDirectories(spool.dir());
        file = Files.createTempFile(spool.dir(), what + "-", ".eml");
        out = new BufferedOutputStream(Files.newOutputStream(file), 256 * 1024);
        out.write(buf, 0, count);
        buf = null;
    }

    /** The message written: in memory, or the spool file, which the message now owns. */
    public RawMessage finish() throws IOException {
        if (out == null) {
            finished = true;
            return RawMessage.of(Arrays.copyOf(buf, count));
        }
        out.close();
        RawMessage m = RawMessage.spooled(file);
        finished = true;
        return m;
    }

    /** Deletes the spool file unless {@link #finish} handed it over. */
    @Override
    public void close() throws IOException {
        if (finished || file == null) {
            return;
        }
        try {
            if (out != null) {
                out.close();
            }
        } finally {
            Files.deleteIfExists(file); // also when the stream to it could not be opened
        }
    }
}
