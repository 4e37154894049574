package io.mailwarden.archive.linked;

import java.nio.file.Path;

/** The outcome of one download attempt of a linked (文件中转站) file. */
public sealed interface Download {

    /**
     * The file, in a new file under the spool dir that the caller now owns (moves or deletes it).
     *
     * @param name the file's name as the server gave it, without any directory part; "" when unknown
     * @param size the file's length in bytes
     */
    record Fetched(Path file, String name, long size) implements Download {}

    /**
     * Will not succeed by retrying: expired or withdrawn (no file link on the page), 404/410/403 or
     * another 4xx, a host the policy does not allow, a file bigger than the cap.
     */
    record Gone(String reason) implements Download {}

    /** May succeed later: connect failure, timeout, 429, 5xx, an I/O error or a stall mid-body. */
    record Failed(String reason) implements Download {}
}
