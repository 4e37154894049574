package io.mailwarden.archive;

import java.io.PrintWriter;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Shows how a long archive job goes: on a terminal a progress bar redrawn in place (messages, MB, rate,
 * ETA), elsewhere a log line every {@value #LOG_EVERY_SECONDS} seconds. Workers report concurrently.
 */
public final class ProgressMeter implements BackfillProgress {

    static final int LOG_EVERY_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger("mailwarden.archive");
    private static final int WIDTH = 24;

    private final PrintWriter terminal;
    private final String what;
    private final long started = System.nanoTime();
    private long total;
    private long totalBytes;
    private long done;
    private long doneBytes;
    private long lastShown;

    /** @param terminal where to draw the bar, or null to log lines instead */
    public ProgressMeter(String what, PrintWriter terminal) {
        this.what = what;
        this.terminal = terminal;
    }

    @Override
    public synchronized void folder(String account, String folder, long messages, long bytes) {
        total += messages;
        totalBytes += bytes;
        if (terminal == null && messages > 0) {
            LOG.infof("%s: %s/%s: %d message(s), %s to read", what, account, folder, messages, mb(bytes));
        }
    }

    @Override
    public synchronized void message(long bytes) {
        done++;
        doneBytes += bytes;
        long now = System.nanoTime();
        long every = terminal != null ? 200_000_000L : LOG_EVERY_SECONDS * 1_000_000_000L;
        if (now - lastShown >= every) {
            lastShown = now;
            show(now);
        }
    }

    @Override
    public synchronized void done() {
        if (total == 0 && terminal == null) {
            return; // nothing was to do: no line in the logs
        }
        show(System.nanoTime());
        if (terminal != null) {
            terminal.println();
            terminal.flush();
        }
    }

    private void show(long now) {
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        double rate = done / seconds;
        String eta = rate > 0 && total > done ? duration((long) ((total - done) / rate)) : "-";
        String figures = String.format(Locale.ROOT, "%d/%d messages  %s/%s  %.0f msg/s  %.1f MB/s  ETA %s", done, total,
                mb(doneBytes), mb(totalBytes), rate, doneBytes / seconds / 1e6, eta);
        if (terminal == null) {
            LOG.infof("%s: %s", what, figures);
            return;
        }
        int filled = total == 0 ? WIDTH : (int) Math.min(WIDTH, WIDTH * done / total);
        terminal.print("\r" + what + " [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + figures + "  ");
        terminal.flush();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static String duration(long s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
