package io.mailwarden.archive;

import io.mailwarden.message.FolderSource;
import io.mailwarden.message.MailboxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real folder source with trouble added: folders LIST names that are gone, a connection that drops mid-folder. */
final class TroubledSource implements FolderSource {

    private final FolderSource real;
    private final List<String> vanished;
    private final int batchesBeforeDrop;

    /**
     * @param vanished folder names listed first, as LIST named them before another client deleted them
     * @param batchesBeforeDrop batches each folder delivers before the connection drops; negative: never drops
     */
    TroubledSource(FolderSource real, List<String> vanished, int batchesBeforeDrop) {
        this.real = real;
        this.vanished = vanished;
        this.batchesBeforeDrop = batchesBeforeDrop;
    }

    @Override
    public String account() {
        return real.account();
    }

    @Override
    public List<String> folders(List<String> globs, String key) throws MailboxException {
        List<String> all = new ArrayList<>(vanished);
        all.addAll(real.folders(globs, key));
        return all;
    }

    @Override
    public Listing list(String folder) throws MailboxException {
        return real.list(folder);
    }

    @Override
    public void read(Listing listing, long after, int maxCount, long maxBytes, Path spool, BatchSink sink)
            throws MailboxException, InterruptedException {
        int[] delivered = {0};
        try {
            real.read(listing, after, maxCount, maxBytes, spool, batch -> {
                if (batchesBeforeDrop >= 0 && delivered[0]++ >= batchesBeforeDrop) {
                    batch.forEach(m -> m.raw().close());
                    throw new Dropped();
                }
                sink.accept(batch);
            });
        } catch (Dropped d) {
            throw new MailboxException("connection dropped", MailboxException.Kind.TRANSIENT, d);
        }
    }

    @Override
    public void close() {
        real.close();
    }

    /** Thrown through the real reader, turned into the connection's failure below. */
    private static final class Dropped extends RuntimeException {
    }
}
