package io.mailwarden.archive;

import io.mailwarden.archive.extract.ExtractLimits;
import io.mailwarden.archive.extract.MessageExtractor;
import io.mailwarden.archive.extract.TextExtractor;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.ReadOnlyIndex;
import io.mailwarden.archive.linked.HostPolicy;
import io.mailwarden.archive.linked.LinkFinder;
import io.mailwarden.archive.linked.LinkedFileDownloader;
import io.mailwarden.archive.linked.LinkedFiles;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.rules.match.Sizes;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.state.LinkedFileStore;
import io.mailwarden.state.StateStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Opens the archive of the data directory: raw store ({@code messages/}), catalog (state store) and index
 * ({@code lucene/}). Whoever opens it holds the index's write lock until closing it: the daemon, or one of
 * the {@code backfill} and {@code reindex} commands.
 */
@ApplicationScoped
public class ArchiveService {

    /** The index's directory under the data directory. */
    public static final String INDEX_DIR = "lucene";

    private final MailwardenConfig config;
    private final ArchiveConfig archive;
    private final ArchiveCatalog catalog;
    private final LinkedFileStore linkedFiles;
    private final StateStore state;
    private volatile Opened held;

    public ArchiveService(MailwardenConfig config, ArchiveConfig archive, ArchiveCatalog catalog,
            LinkedFileStore linkedFiles, StateStore state) {
        this.config = config;
        this.archive = archive;
        this.catalog = catalog;
        this.linkedFiles = linkedFiles;
        this.state = state;
    }

    /**
     * An open archive; closing it commits the index and releases its lock.
     *
     * @param linkedFiles the files messages link to, or null when {@code linked-files.enabled} is false
     */
    public record Opened(Archive archive, DocumentIndexer indexer, ArchiveIndex index, TextExtractor extractor,
            LinkedFiles linkedFiles) implements AutoCloseable {
        @Override
        public void close() {
            try {
                if (linkedFiles != null) {
                    linkedFiles.close();
                }
                index.close();
            } finally {
                extractor.close();
            }
        }
    }

    public ArchiveConfig config() {
        return archive;
    }

    /**
     * Opens the archive for writing, creating what is missing.
     *
     * @throws IllegalArgumentException naming the configuration key when a setting is wrong
     * @throws io.mailwarden.archive.index.IndexException when the index is in use or damaged
     */
    public Opened open() {
        ExtractLimits limits = limits();
        LinkedFileDownloader downloader = downloader(archive.linkedFiles(), config.dataDir());
        state.migrate();
        Path data = config.dataDir();
        ArchiveIndex index = ArchiveIndex.open(data.resolve(INDEX_DIR), archive.commitInterval());
        TextExtractor extractor = new TextExtractor(limits);
        RawStore store = new RawStore(data);
        LinkedFiles linked = downloader == null ? null : new LinkedFiles(new LinkFinder(linkHosts(archive.linkedFiles())),
                linkedFiles, RawStore.files(data), downloader, extractor, Clock.systemUTC());
        DocumentIndexer indexer = new DocumentIndexer(new MessageExtractor(extractor), index, linked);
        return new Opened(new Archive(store, catalog, indexer, Clock.systemUTC()), indexer, index, extractor, linked);
    }

    /**
     * Makes {@code opened} the archive this process holds open for everyone (the daemon's), so that searches and
     * status use its near-real-time index; null when it is closed.
     */
    public void hold(Opened opened) {
        held = opened;
    }

    /** The archive this process holds open (see {@link #hold}), or null. */
    public Opened held() {
        return held;
    }

    /** The downloader of linked files, checked; null when they are not downloaded. */
    static LinkedFileDownloader downloader(ArchiveConfig.LinkedFiles l, Path dataDir) {
        if (!l.enabled()) {
            return null;
        }
        String key = "mailwarden.archive.linked-files.";
        long max = size(key + "max-size", l.maxSize());
        if (max < 1) {
            throw new IllegalArgumentException(key + "max-size: must be at least 1 byte, not " + l.maxSize());
        }
        if (l.timeout().isNegative() || l.timeout().isZero()) {
            throw new IllegalArgumentException(key + "timeout: must be positive, not " + l.timeout());
        }
        if (l.checkInterval().isNegative() || l.checkInterval().isZero()) {
            throw new IllegalArgumentException(key + "check-interval: must be positive, not " + l.checkInterval());
        }
        return new LinkedFileDownloader(linkHosts(l), max, l.timeout(), dataDir.resolve("spool"));
    }

    private static HostPolicy linkHosts(ArchiveConfig.LinkedFiles l) {
        try {
            return HostPolicy.of(l.hosts().toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mailwarden.archive.linked-files.hosts: " + e.getMessage(), e);
        }
    }

    /**
     * Brings the index of {@code opened} in line with the catalog, as after a crash, and tells the index so (see
     * {@link ArchiveIndex#repaired()}); returns how many documents changed.
     */
    public int repair(Opened opened) throws IOException {
        int changed = check().repair(opened.indexer());
        opened.index().repaired();
        return changed;
    }

    /** Checks of the archive's parts (and, at the daemon's start, repairs); needs no lock. */
    public ArchiveCheck check() {
        state.migrate();
        return new ArchiveCheck(new RawStore(config.dataDir()), catalog, RawStore.files(config.dataDir()), linkedFiles);
    }

    /**
     * Forgets every place of {@code account} and discards the stored bytes that only its places named (bytes
     * another account's mail has stay): for {@code demo}, whose mail server starts empty each time. The index
     * drops the documents at the next start's repair. Nothing else deletes from the archive.
     */
    public void forgetAccount(String account) throws IOException {
        state.migrate();
        RawStore store = new RawStore(config.dataDir());
        for (String hash : catalog.forgetAccount(account)) {
            store.discard(hash);
        }
    }

    /** The index as last committed, read-only: works while the daemon writes it; null when there is none yet. */
    public ReadOnlyIndex readOnlyIndex() {
        Path path = config.dataDir().resolve(INDEX_DIR);
        return ReadOnlyIndex.exists(path) ? ReadOnlyIndex.open(path) : null;
    }

    /** The backfill's settings, checked. */
    public Backfill.Options backfillOptions() {
        ArchiveConfig.Backfill b = archive.backfill();
        long bytes = size("mailwarden.archive.backfill.batch-bytes", b.batchBytes());
        if (b.batchMessages() < 1) {
            throw new IllegalArgumentException("mailwarden.archive.backfill.batch-messages: must be at least 1, not "
                    + b.batchMessages());
        }
        int workers = b.workers().orElse(Backfill.Options.defaults().workers());
        if (workers < 1) {
            throw new IllegalArgumentException("mailwarden.archive.backfill.workers: must be at least 1, not " + workers);
        }
        return new Backfill.Options(b.batchMessages(), bytes, workers);
    }

    private ExtractLimits limits() {
        ArchiveConfig.Extract x = archive.extract();
        long expanded = size("mailwarden.archive.extract.max-expanded", x.maxExpanded());
        try {
            return new ExtractLimits(x.timeout(), x.maxChars(), x.maxDepth(), expanded, x.zipContents(), x.maxMessageChars(),
                    x.messageTimeout());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mailwarden.archive.extract: " + e.getMessage(), e);
        }
    }

    private static long size(String key, String text) {
        try {
            return Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
