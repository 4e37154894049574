package io.mailwarden.daemon;

import io.mailwarden.archive.Archive;
import io.mailwarden.archive.Backfill;
import io.mailwarden.archive.Indexer;
import io.mailwarden.daemon.request.RequestDir;
import java.time.Duration;

/**
 * The archive as the daemon uses it.
 *
 * @param archive the open archive
 * @param indexer its index (a requested {@code reindex} rebuilds it)
 * @param backfill how archived folders are read
 * @param syncInterval how often archived folders are read for mail no watcher saw
 * @param requests where commands hand their archive work to the daemon, which holds the archive; null: nowhere
 * @param release what to close once the daemon stopped using the archive (its index and extractor)
 */
public record Archiving(Archive archive, Indexer indexer, Backfill.Options backfill, Duration syncInterval,
        RequestDir requests, Runnable release) {
}
