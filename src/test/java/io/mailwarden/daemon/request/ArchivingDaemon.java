package io.mailwarden.daemon.request;

import static io.mailwarden.daemon.DaemonHarness.await;

import io.mailwarden.archive.Archive;
import io.mailwarden.archive.Backfill;
import io.mailwarden.archive.DocumentIndexer;
import io.mailwarden.archive.Indexer;
import io.mailwarden.archive.extract.ExtractLimits;
import io.mailwarden.archive.extract.MessageExtractor;
import io.mailwarden.archive.extract.TextExtractor;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.TextQueries;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.daemon.Archiving;
import io.mailwarden.daemon.DaemonHarness;
import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.TestState;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A running daemon (a {@link DaemonHarness} on GreenMail) that archives into a data directory of the test and
 * takes requests there, started with its first sync of the account done, so that mail put in a new folder
 * afterwards waits for a backfill.
 */
public final class ArchivingDaemon implements AutoCloseable {

    public final DaemonHarness harness = new DaemonHarness();
    public final Path data;
    private final TestState state = new TestState();
    private final ArchiveIndex index;
    private final TextExtractor extractor = new TextExtractor(ExtractLimits.defaults());
    private final Archiving archiving;

    /**
     * @param indexDelay how long indexing each message takes (beyond the real work): a slow archive, for
     *        requests to be stopped while they run
     */
    public ArchivingDaemon(Path data, Duration indexDelay, Backfill.Options backfill) {
        this.data = data;
        index = ArchiveIndex.open(data.resolve("lucene"), Duration.ofSeconds(30));
        Indexer indexer = slow(new DocumentIndexer(new MessageExtractor(extractor), index), indexDelay);
        Archive archive = new Archive(new RawStore(data), state.archive, indexer, Clock.systemUTC());
        archiving = new Archiving(archive, indexer, backfill, Duration.ofMinutes(15), new RequestDir(data), () -> {
        });
    }

    /** Starts the daemon and waits until its first sync walked the INBOX (the only folder yet). */
    public ArchivingDaemon start() throws Exception {
        harness.deliver("first");
        harness.archiving(archiving).start();
        await("the first sync", () -> state.archive.progress(DaemonHarness.ACCOUNT, "INBOX").isPresent());
        return this;
    }

    /** A new folder with {@code messages} messages in it, put there behind the daemon's back. */
    public void folder(String name, int messages) throws Exception {
        List<MimeMessage> all = new ArrayList<>();
        for (int i = 1; i <= messages; i++) {
            // a Message-ID of its own: a generated one looks the host name up, slowly on some machines
            all.add(DaemonHarness.message("<" + i + "." + name + "@test>", "report " + i + " of " + name,
                    "quarterly figures " + i));
        }
        harness.file(name, all);
    }

    /** How many places the catalog has in {@code folder}. */
    public long places(String folder) {
        AtomicLong n = new AtomicLong();
        state.archive.forEach(p -> {
            if (p.folder().equals(folder) && p.status() == ArchivedLocation.Status.PRESENT) {
                n.incrementAndGet();
            }
        });
        return n.get();
    }

    /** Every place of the catalog. */
    public long places() {
        return state.archive.count();
    }

    /** How many indexed messages contain {@code word}. */
    public long hits(String word) {
        index.refresh();
        return index.search(new TextQueries().anywhere(word).orElseThrow(), 1000, ArchiveIndex.NEWEST_FIRST).hits().size();
    }

    /** Drops every document from the index behind the archive's back: only a rebuild brings them back. */
    public void emptyIndex() {
        index.refresh();
        index.ids().forEach(index::delete);
        index.refresh();
    }

    @Override
    public void close() {
        harness.afterEach(null);
        index.close();
        extractor.close();
    }

    private static Indexer slow(Indexer real, Duration delay) {
        if (delay.isZero()) {
            return real;
        }
        return new Indexer() {
            @Override
            public void index(ArchivedLocation place, RawMessage raw) throws IOException {
                DaemonHarness.pause(delay);
                real.index(place, raw);
            }

            @Override
            public void markDeletedOnServer(String id) {
                real.markDeletedOnServer(id);
            }

            @Override
            public void remove(String id) {
                real.remove(id);
            }

            @Override
            public Set<String> ids() {
                return real.ids();
            }

            @Override
            public void commit() {
                real.commit();
            }

            @Override
            public void rebuilt() {
                real.rebuilt();
            }
        };
    }
}
