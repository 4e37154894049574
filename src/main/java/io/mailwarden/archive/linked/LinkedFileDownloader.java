package io.mailwarden.archive.linked;

import static io.mailwarden.archive.linked.LinkSession.describe;
import static io.mailwarden.archive.linked.LinkSession.where;

import io.mailwarden.archive.linked.Download.Failed;
import io.mailwarden.archive.linked.Download.Fetched;
import io.mailwarden.archive.linked.Download.Gone;
import io.mailwarden.archive.linked.LinkSession.Refused;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Downloads the file behind a Tencent Exmail 文件中转站 (large-attachment) link. The link in the mail leads
 * to an HTML download page that sets cookies and carries the real file link on a {@code *.ftn.qq.com} host;
 * the file is fetched from there with the page's cookies, as the browser does. This follows public reports
 * of clients that worked, not a captured page: a link that answers with the file itself is taken as the
 * file, and a page without a file link is taken as expired or withdrawn (some reports say a page may also
 * need a login), so the outcome is {@link Gone} with whatever message the page shows.
 *
 * <p>Every host, the link's, each redirect's and the file link's, must pass the {@link HostPolicy}. Bodies
 * are streamed to the spool directory, never held in memory, and stopped at the size cap or a stall.
 */
public final class LinkedFileDownloader implements AutoCloseable {

    private static final int MAX_PAGE_BYTES = 4 * 1024 * 1024;

    private final HostPolicy hosts;
    private final long maxBytes;
    private final Duration timeout;
    private final Path spool;
    private final StallWatch stallWatch;
    private HttpClient http;

    /**
     * @param maxBytes a bigger file is {@link Gone} ("bigger than the N MB limit")
     * @param timeout connect, each response's headers, and the longest a body may stall between reads
     * @param spool directory for new files (created when missing)
     */
    public LinkedFileDownloader(HostPolicy hosts, long maxBytes, Duration timeout, Path spool) {
        if (maxBytes <= 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("linked-file download needs a positive size cap and timeout, got "
                    + maxBytes + " bytes and " + timeout);
        }
        this.hosts = hosts;
        this.maxBytes = maxBytes;
        this.timeout = timeout;
        this.spool = spool;
        this.stallWatch = new StallWatch(timeout);
    }

    /** The client, made at the first download: commands that open the archive but download nothing need none. */
    private synchronized HttpClient http() {
        if (http == null) {
            // redirects by hand, so each hop's host is checked; cookies by hand, so each fetch has its own jar
            http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(timeout)
                    .build();
        }
        return http;
    }

    /** Never throws for network or HTTP trouble: every outcome is a {@link Download}. Thread-safe. */
    public Download fetch(URI link) {
        LinkSession session = new LinkSession(http(), hosts, timeout);
        try {
            HttpResponse<InputStream> first = session.get(link, null);
            if (isFile(first)) {
                return save(first, first.uri());
            }
            DownloadPage page = new DownloadPage(readPage(first));
            Optional<URI> fileLink = page.fileLink();
            if (fileLink.isEmpty()) {
                String message = page.message();
                return new Gone("the page at " + where(first.uri())
                        + " has no file link (expired, withdrawn, or a login is needed)"
                        + (message.isEmpty() ? "" : ": " + message));
            }
            return save(session.get(fileLink.get(), first.uri()), fileLink.get());
        } catch (Refused refused) {
            return refused.outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("interrupted while downloading from " + where(link));
        }
    }

    /** The download page's first bytes, enough to find the file link on any page seen. */
    private byte[] readPage(HttpResponse<InputStream> response) throws Refused {
        try (InputStream body = response.body()) {
            ByteArrayOutputStream page = new ByteArrayOutputStream();
            stallWatch.copy(body, page, MAX_PAGE_BYTES - 1);
            return page.toByteArray();
        } catch (IOException e) {
            throw new Refused(new Failed("reading " + where(response.uri()) + " failed: " + describe(e)));
        }
    }

    /** Streams the body into a new spool file; the file is deleted unless it is handed over whole. */
    private Download save(HttpResponse<InputStream> response, URI fileLink) {
        try (InputStream body = response.body()) {
            String name = FileNames.fromDisposition(response.headers().firstValue("Content-Disposition").orElse(null))
                    .or(() -> FileNames.fromLink(response.uri()))
                    .or(() -> FileNames.fromLink(fileLink))
                    .orElse("");
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                return tooBig(response.uri());
            }
            Path file = newSpoolFile();
            Download outcome = null;
            try (OutputStream out = Files.newOutputStream(file)) {
                long size = stallWatch.copy(body, out, maxBytes);
                outcome = size > maxBytes ? tooBig(response.uri())
                        : declared >= 0 && size != declared
                                ? new Failed(where(response.uri()) + " sent " + size + " of " + declared + " bytes")
                                : new Fetched(file, name, size);
                return outcome;
            } finally {
                if (!(outcome instanceof Fetched)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (Refused refused) {
            return refused.outcome;
        } catch (IOException e) {
            return new Failed("downloading from " + where(response.uri()) + " failed: " + describe(e));
        }
    }

    private Path newSpoolFile() throws Refused {
        try {
            Files.createDirectories(spool);
            return Files.createTempFile(spool, "linked-", ".part");
        } catch (IOException e) {
            throw new Refused(new Failed("cannot create a file in the spool directory " + spool + ": " + describe(e)));
        }
    }

    private Gone tooBig(URI uri) {
        String limit = maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB" : maxBytes + " bytes";
        return new Gone(where(uri) + " is bigger than the " + limit + " limit");
    }

    /** Stops the client's threads at once: a download under way fails (and is tried again after a restart). */
    @Override
    public synchronized void close() {
        if (http != null) {
            http.shutdownNow();
            http = null;
        }
    }

    /** The file itself rather than a page: an attachment disposition or a content type other than HTML. */
    private static boolean isFile(HttpResponse<?> response) {
        String disposition = response.headers().firstValue("Content-Disposition").orElse("").toLowerCase(Locale.ROOT);
        if (disposition.contains("attachment") || disposition.contains("filename")) {
            return true;
        }
        // no Content-Type at all is read as a page: a page without a file link is reported, never kept as a file
        return response.headers().firstValue("Content-Type")
                .map(type -> !type.toLowerCase(Locale.ROOT).startsWith("text/html"))
                .orElse(false);
    }
}
