package io.mailwarden.archive;

/** Hears how a backfill goes: a terminal progress bar, periodic log lines, or tests. */
public interface BackfillProgress {

    /** A folder's walk starts: {@code messages} messages of {@code bytes} bytes are still to read. */
    void folder(String account, String folder, long messages, long bytes);

    /** One message was archived (or found archived already). */
    void message(long bytes);

    /** The whole backfill is over. */
    default void done() {
    }

    BackfillProgress NONE = new BackfillProgress() {
        public void folder(String account, String folder, long messages, long bytes) {
        }

        public void message(long bytes) {
        }
    };
}
