package io.mailwarden.daemon;

import io.mailwarden.archive.Archive;
import io.mailwarden.archive.Backfill;
import io.mailwarden.archive.Indexer;
import io.mailwarden.archive.linked.LinkedFiles;
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
 * @param linkedFiles the files messages link to, downloaded by the daemon; null: none are
 * @param linkedFilesInterval how often due downloads of linked files are looked for
 */
public record Archiving(Archive archive, Indexer indexer, Backfill.Options backfill, Duration syncInterval,
        RequestDir requests, Runnable release, LinkedFiles linkedFiles, Duration linkedFilesInterval) {

    /** Without linked files. */
    public Archiving(Archive archive, Indexer indexer, Backfill.Options backfill, Duration syncInterval,
            RequestDir requests, Runnable release) {
        this(archive, indexer, backfill, syncInterval, requests, release, null, Duration.ofMinutes(1));
    }
}
