package io.mailwarden.archive.linked;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Copies a response body while a watchdog closes it when no byte arrived for longer than the timeout.
 * HttpClient's request timeout stops only at the headers, and a body read blocks without limit; closing
 * the stream is what unblocks the read (the JDK then reports end of stream), so the watchdog's verdict is
 * checked after the copy ends rather than trusted from the read.
 */
final class StallWatch {

    private static final int BUFFER = 64 * 1024;

    private final Duration timeout;

    StallWatch(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Copies at most {@code limit + 1} bytes, so a caller can tell "exactly at the limit" from "over it".
     *
     * @return the number of bytes copied
     * @throws IOException on a read or write error, or when the body stalled (the message says so)
     */
    long copy(InputStream in, OutputStream out, long limit) throws IOException {
        Watchdog watchdog = new Watchdog(in, timeout.toNanos());
        Thread watcher = Thread.ofVirtual().name("linked-file-stall-watch").start(watchdog);
        try {
            byte[] buffer = new byte[BUFFER];
            long copied = 0;
            while (copied <= limit) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, limit + 1 - copied));
                if (read < 0) {
                    break;
                }
                watchdog.lastRead = System.nanoTime();
                out.write(buffer, 0, read);
                copied += read;
            }
            if (watchdog.stalled) {
                throw new IOException("no data for " + timeout.toMillis() + " ms after " + copied + " bytes");
            }
            return copied;
        } catch (IOException e) {
            if (watchdog.stalled) {
                throw new IOException("no data for " + timeout.toMillis() + " ms", e);
            }
            throw e;
        } finally {
            watcher.interrupt();
        }
    }

    private static final class Watchdog implements Runnable {
        private final InputStream in;
        private final long timeoutNanos;
        volatile long lastRead = System.nanoTime();
        volatile boolean stalled;

        Watchdog(InputStream in, long timeoutNanos) {
            this.in = in;
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public void run() {
            try {
                for (long left = timeoutNanos; left > 0; left = timeoutNanos - (System.nanoTime() - lastRead)) {
                    TimeUnit.NANOSECONDS.sleep(left);
                }
                stalled = true;
                in.close();
            } catch (InterruptedException copyEnded) {
                // the copy finished first: nothing to stop
            } catch (IOException closeFailed) {
                // closing is best effort; the copy still sees the stall flag when its read returns
            }
        }
    }
}
