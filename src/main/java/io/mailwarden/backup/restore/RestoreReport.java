package io.mailwarden.backup.restore;

import java.util.List;

/**
 * What a restore did (or, in a dry run, would do), folder by folder in the order they came up.
 *
 * @param failures every message the server refused, in order
 */
public record RestoreReport(boolean dryRun, List<Folder> folders, List<Failure> failures) {

    /**
     * One target folder.
     *
     * @param folder the folder as the restore named it ({@code /} between levels)
     * @param serverName the server's name for it (Exmail: under {@code 其他文件夹/})
     * @param created whether the restore created it (a dry run: whether it would)
     * @param keywordsDropped keywords left off because the folder keeps none
     */
    public record Folder(String folder, String serverName, boolean created, long appended, long present, long failed,
            long keywordsDropped) {
    }

    /**
     * A message the server refused.
     *
     * @param origin where the message came from (a catalog id, a file)
     * @param answer the server's answer
     */
    public record Failure(String origin, String folder, String answer) {
    }

    public RestoreReport {
        folders = List.copyOf(folders);
        failures = List.copyOf(failures);
    }

    /** Whether every message is in its folder now. */
    public boolean ok() {
        return failures.isEmpty();
    }

    public long appended() {
        return folders.stream().mapToLong(Folder::appended).sum();
    }

    public long present() {
        return folders.stream().mapToLong(Folder::present).sum();
    }
}
