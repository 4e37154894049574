package io.mailwarden.daemon;

import io.mailwarden.archive.Archive;
import io.mailwarden.archive.Backfill;
import java.time.Duration;

/**
 * The archive as the daemon uses it.
 *
 * @param archive the open archive
 * @param backfill how archived folders are read
 * @param syncInterval how often archived folders are read for mail no watcher saw
 * @param release what to close once the daemon stopped using the archive (its index and extractor)
 */
public record Archiving(Archive archive, Backfill.Options backfill, Duration syncInterval, Runnable release) {
}
