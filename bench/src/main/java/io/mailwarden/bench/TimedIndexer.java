package io.mailwarden.bench;

import io.mailwarden.archive.Indexer;
import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ArchivedLocation;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Adds up the time workers spend in the indexer: parsing, Tika and Lucene (not the store or the catalog). */
final class TimedIndexer implements Indexer {
    private final Indexer delegate;
    private final AtomicLong nanos = new AtomicLong();

    TimedIndexer(Indexer delegate) {
        this.delegate = delegate;
    }

    double seconds() {
        return nanos.get() / 1e9;
    }

    @Override
    public void index(ArchivedLocation place, RawMessage raw) throws IOException {
        long start = System.nanoTime();
        try {
            delegate.index(place, raw);
        } finally {
            nanos.addAndGet(System.nanoTime() - start);
        }
    }

    @Override
    public void markDeletedOnServer(String id) {
        delegate.markDeletedOnServer(id);
    }

    @Override
    public void remove(String id) {
        delegate.remove(id);
    }

    @Override
    public Set<String> ids() {
        return delegate.ids();
    }

    @Override
    public void commit() {
        delegate.commit();
    }

    @Override
    public void rebuilt() {
        delegate.rebuilt();
    }
}
