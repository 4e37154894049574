package io.mailwarden.search;

import io.mailwarden.archive.ArchiveService;
import io.mailwarden.archive.index.ReadOnlyIndex;
import io.mailwarden.archive.index.SearchableIndex;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.state.LinkedFileStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.time.Clock;
import java.io.InputStream;
import java.util.Optional;
import java.util.Set;

/**
 * The application's {@link Search}: over the index the running daemon holds open (near-real-time) when
 * there is one, else over a read-only view of the data directory's index, which needs no write lock and
 * follows the writer's commits. Nothing is found while no index exists.
 */
@ApplicationScoped
public class SearchService implements Search {

    private final ArchiveService archives;
    private final Path indexPath;
    private final ArchiveSearch search;
    private ReadOnlyIndex readOnly;

    public SearchService(ArchiveService archives, MailwardenConfig config, LinkedFileStore linkedFiles) {
        this.archives = archives;
        this.indexPath = config.dataDir().resolve("lucene");
        this.search = new ArchiveSearch(this::index, new RawStore(config.dataDir()), RawStore.files(config.dataDir()),
                linkedFiles, Clock.systemDefaultZone());
    }

    /** Whether there is an index to search (a daemon or backfill has created one). */
    public boolean indexExists() {
        return archives.held() != null || ReadOnlyIndex.exists(indexPath);
    }

    /** Where the index is. */
    public Path indexPath() {
        return indexPath;
    }

    @Override
    public SearchPage search(String query, int limit, int offset, Order order) {
        return search.search(query, limit, offset, order);
    }

    @Override
    public Set<String> ids(String query) {
        return search.ids(query);
    }

    @Override
    public Optional<MessageView> message(String id) {
        return search.message(id);
    }

    @Override
    public Optional<InputStream> raw(String id) {
        return search.raw(id);
    }

    @Override
    public Optional<AttachmentContent> attachment(String id, int n) {
        return search.attachment(id, n);
    }

    private SearchableIndex index() {
        ArchiveService.Opened open = archives.held();
        return open != null ? open.index() : readOnly();
    }

    private synchronized ReadOnlyIndex readOnly() {
        if (readOnly == null && ReadOnlyIndex.exists(indexPath)) {
            readOnly = ReadOnlyIndex.open(indexPath);
        }
        return readOnly;
    }

    @PreDestroy
    synchronized void close() {
        if (readOnly != null) {
            readOnly.close();
            readOnly = null;
        }
    }
}
