package io.mailwarden.archive.linked;

import io.mailwarden.archive.extract.Extraction;
import io.mailwarden.archive.extract.TextExtractor;
import io.mailwarden.archive.index.AttachmentDoc;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.Message;
import io.mailwarden.message.RawMessage;
import io.mailwarden.message.parse.PartContent;
import io.mailwarden.state.LinkedFile;
import io.mailwarden.state.LinkedFileStore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The files archived messages link to instead of attaching them. The indexer records a message's links as it
 * indexes it ({@link #attachments}) and indexes the files already downloaded as attachments of the message;
 * the daemon downloads the due ones ({@link #fetchDue}) into the files store, then indexes their messages again.
 * A failed download is retried with a growing delay until the link has surely expired.
 */
public final class LinkedFiles implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("mailwarden.archive");
    static final Duration FIRST_RETRY = Duration.ofMinutes(5);
    static final Duration MAX_RETRY = Duration.ofHours(6);
    /**
     * Exmail removes such a file about 30 days after it was sent: a link that fails once its message is older,
     * or that fails for longer than this after it was found, is given up.
     */
    static final Duration GIVE_UP = Duration.ofDays(31);
    private static final int BATCH = 20;

    private final LinkFinder finder;
    private final LinkedFileStore rows;
    private final RawStore files;
    private final LinkedFileDownloader downloader;
    private final TextExtractor extractor;
    private final Clock clock;

    public LinkedFiles(LinkFinder finder, LinkedFileStore rows, RawStore files, LinkedFileDownloader downloader,
            TextExtractor extractor, Clock clock) {
        this.finder = finder;
        this.rows = rows;
        this.files = files;
        this.downloader = downloader;
        this.extractor = extractor;
        this.clock = clock;
    }

    /**
     * Records the message's links not known yet and returns one attachment per link: the stored file's text,
     * or a problem saying why there is none yet. Costs a text scan for a message without such links.
     */
    public List<AttachmentDoc> attachments(String messageHash, Message m) {
        List<FileLink> links = finder.find(m);
        if (links.isEmpty()) {
            return List.of();
        }
        Map<String, String> named = new LinkedHashMap<>();
        links.forEach(l -> named.put(l.url(), l.name()));
        List<AttachmentDoc> out = new ArrayList<>();
        Instant sent = m.date() == null ? null : m.date().toInstant();
        for (LinkedFile f : rows.found(messageHash, named, sent, clock.instant())) {
            out.add(switch (f.status()) {
                case STORED -> stored(f);
                case PENDING -> new AttachmentDoc(f.name(), "", 0, "", "linked file not downloaded yet"
                        + (f.problem().isEmpty() ? "" : " (last try: " + f.problem() + ")"));
                case GONE -> new AttachmentDoc(f.name(), "", 0, "", "linked file not downloaded: " + f.problem());
            });
        }
        return out;
    }

    private AttachmentDoc stored(LinkedFile f) {
        try (RawMessage file = files.load(f.fileHash(), f.size())) {
            PartContent content = switch (file) {
                case RawMessage.InMemory m -> PartContent.of(m.bytes());
                case RawMessage.Spooled s -> PartContent.of(s.file());
            };
            Extraction x = extractor.extract(content, null, null, f.name());
            return new AttachmentDoc(f.name(), x.detectedType(), f.size(), x.text(), x.indexedProblem());
        } catch (IOException e) {
            return new AttachmentDoc(f.name(), "", f.size(), "", "linked file unreadable in the store: " + e.getMessage());
        }
    }

    /**
     * Tries the downloads that are due, up to a batch, until {@code stop} says so.
     *
     * @return the content hashes of the messages whose linked files were stored or given up: to index again
     */
    public List<String> fetchDue(BooleanSupplier stop) {
        Set<String> changed = new LinkedHashSet<>();
        for (LinkedFile f : rows.due(clock.instant(), BATCH)) {
            if (stop.getAsBoolean()) {
                break;
            }
            if (fetch(f)) {
                changed.add(f.messageHash());
            }
        }
        return List.copyOf(changed);
    }

    /** One attempt; whether the row left PENDING. */
    private boolean fetch(LinkedFile f) {
        Optional<LinkedFile> before = rows.storedFrom(f.url());
        if (before.isPresent() && files.contains(before.get().fileHash())) { // a reply quoting the link: no new download
            rows.stored(f.id(), before.get().fileHash(), before.get().name(), before.get().size(), clock.instant());
            return true;
        }
        Download d = downloader.fetch(URI.create(f.url()));
        Instant now = clock.instant();
        switch (d) {
            case Download.Fetched got -> {
                try (RawMessage file = RawMessage.spooled(got.file())) {
                    RawStore.Stored s = files.put(file, null);
                    String name = got.name().isEmpty() ? f.name() : got.name();
                    rows.stored(f.id(), s.hash(), name, s.size(), now);
                    LOG.infof("archive: linked file \"%s\" (%d bytes) of message %s stored", name, s.size(), f.messageHash());
                    return true;
                } catch (IOException e) {
                    return retry(f, "cannot store the download: " + e.getMessage(), now);
                }
            }
            case Download.Gone gone -> {
                rows.gone(f.id(), gone.reason(), now);
                LOG.warnf("archive: linked file \"%s\" of message %s not downloaded: %s", f.name(), f.messageHash(),
                        gone.reason());
                return true;
            }
            case Download.Failed failed -> {
                return retry(f, failed.reason(), now);
            }
        }
    }

    private boolean retry(LinkedFile f, String problem, Instant now) {
        if (f.sentAt() != null && now.isAfter(f.sentAt().plus(GIVE_UP))) { // an old message's link: it has expired
            rows.gone(f.id(), "the message is over " + GIVE_UP.toDays() + " days old, so its link has expired: "
                    + problem, now);
            return true;
        }
        if (now.isAfter(f.foundAt().plus(GIVE_UP))) {
            rows.gone(f.id(), "still failing " + GIVE_UP.toDays() + " days after the link was found, when the file"
                    + " has expired: " + problem, now);
            return true;
        }
        Instant next = now.plus(delay(f.attempts()));
        rows.retry(f.id(), problem, next, now);
        LOG.infof("archive: linked file \"%s\" of message %s: %s; tried again at %s", f.name(), f.messageHash(), problem,
                next);
        return false;
    }

    /**
     * Keeps {@code copy}, a copy of a file downloaded before (an export's), as the file {@code url} in message
     * {@code messageHash} leads to, unless that is stored already; a link that expired meanwhile gets its file back.
     *
     * @param fileHash the SHA-256 the copy must have
     * @return whether it was stored now: a message archived already is to be indexed again
     * @throws IOException when the copy cannot be read or stored, or does not hash to {@code fileHash}
     */
    public boolean adopt(String messageHash, String url, String name, Path copy, String fileHash) throws IOException {
        Instant now = clock.instant();
        LinkedFile row = rows.found(messageHash, Map.of(url, name), null, now).get(0);
        if (row.status() == LinkedFile.Status.STORED && files.contains(row.fileHash())) {
            return false;
        }
        try (RawMessage file = RawMessage.inPlace(copy)) {
            if (!file.sha256().equals(fileHash)) {
                throw new IOException(copy + ": not the file that was exported: its SHA-256 is not " + fileHash);
            }
            RawStore.Stored s = files.put(file, null);
            rows.stored(row.id(), s.hash(), name.isEmpty() ? row.name() : name, s.size(), now);
        }
        return true;
    }

    /** Stops downloading (the daemon is stopping). */
    @Override
    public void close() {
        downloader.close();
    }

    /** 5 minutes after the first failure, doubling, at most {@link #MAX_RETRY}. */
    static Duration delay(int failuresBefore) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(failuresBefore, 16));
        return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
    }
}
