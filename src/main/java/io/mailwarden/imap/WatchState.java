package io.mailwarden.imap;

/** The checkpoints watchers start from (kept by the state store, advanced by the arrival handler). */
public interface WatchState {

    /**
     * A folder's checkpoint: its UIDVALIDITY, the highest UID handled, and since when the folder is
     * watched (null when unknown).
     */
    record Mark(long uidValidity, long lastUid, java.time.Instant watchedSince) {
    }

    /** The checkpoint, or null when the folder was never watched. */
    Mark find(String account, String folder);

    /** Records where watching starts for a folder seen the first time. */
    void baseline(String account, String folder, long uidValidity, long lastUid);
}
