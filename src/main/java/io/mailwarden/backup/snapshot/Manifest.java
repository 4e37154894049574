package io.mailwarden.backup.snapshot;

import java.time.Instant;

/**
 * What {@code manifest.json} says about a snapshot, apart from its list of files.
 *
 * @param name the snapshot's name (its directory), the UTC time it was taken: {@code 20261129T023000Z}
 * @param createdAt when it was taken
 * @param version the mailwarden version that took it
 * @param dataDir the data directory it was taken from
 * @param luceneGeneration the generation of the Lucene commit it holds ({@code -1}: no index)
 * @param state whether it holds the state database ({@code h2}) or not ({@code none}: not H2, back it up apart)
 * @param counts how much it holds
 */
public record Manifest(String name, Instant createdAt, String version, String dataDir, long luceneGeneration, String state,
        Counts counts) {

    /** The manifest's file name in a snapshot directory. */
    public static final String FILE = "manifest.json";
    /** The format this version writes and reads. */
    public static final String FORMAT = "mailwarden-snapshot/1";

    /**
     * @param messages raw message files
     * @param linkedFromPrevious of those, how many are hard links to the previous snapshot's copy (not new)
     * @param indexFiles files of the Lucene commit
     * @param files every file listed
     * @param bytes their total size
     */
    public record Counts(long messages, long linkedFromPrevious, long indexFiles, long files, long bytes) {
    }

    /**
     * One file of the snapshot. Raw messages carry the SHA-256 of their decompressed content (their name;
     * verify decompresses them), every other file the SHA-256 of its bytes.
     *
     * @param path relative to the snapshot directory, {@code /} between levels
     * @param size the file's size in bytes
     * @param sha256 SHA-256 of the file's bytes, or null for a raw message
     * @param contentSha256 SHA-256 of a raw message's decompressed bytes, or null for other files
     */
    public record Entry(String path, long size, String sha256, String contentSha256) {
    }
}
