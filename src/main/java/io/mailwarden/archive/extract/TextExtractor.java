package io.mailwarden.archive.extract;

import io.mailwarden.archive.extract.Extraction.Status;
import io.mailwarden.message.parse.PartContent;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Extracts the text of attachments with Apache Tika, within {@link ExtractLimits}. One per process:
 * thread-safe, and it owns the threads that parses run on (see {@link ParsePool} for what happens to a
 * parse that will not stop). {@link #extract} never throws: whatever could not be read is in the
 * returned {@link Extraction}, and logged on one line. A file it read lately is not read again
 * ({@link ExtractionCache}).
 */
public final class TextExtractor implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("mailwarden.archive.extract");
    /** How long past its deadline a parse may take to notice it and stop before it is abandoned. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    private final TikaParts tika;
    private final ExtractLimits limits;
    private final ParsePool pool;
    private final ExtractionCache cache = new ExtractionCache();

    /** With parses as parallel as the machine has cores, and as many stuck ones tolerated. */
    public TextExtractor(ExtractLimits limits) {
        this(limits, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param parallel how many parses run at once (callers beyond that wait)
     * @param maxStuck how many parses abandoned at their timeout may still hold a thread before new parses
     *     are refused
     */
    public TextExtractor(ExtractLimits limits, int parallel, int maxStuck) {
        this.limits = limits;
        this.tika = TikaParts.load();
        this.pool = new ParsePool(parallel, maxStuck);
    }

    public ExtractLimits limits() {
        return limits;
    }

    /**
     * The text of one attachment. The type is detected from the bytes; the declared type and file name
     * only refine it (text/plain bytes named {@code .csv} are CSV), never override it.
     *
     * @param bytes the decoded content
     * @param declaredType the media type the message declares, or null
     * @param charset the charset label the message declares, or null
     * @param filename the file name, or null
     */
    public Extraction extract(byte[] bytes, String declaredType, String charset, String filename) {
        return extract(PartContent.of(bytes == null ? new byte[0] : bytes), declaredType, charset, filename);
    }

    /** As {@link #extract(byte[], String, String, String)}, the content in memory or in a spool file. */
    public Extraction extract(PartContent content, String declaredType, String charset, String filename) {
        long size;
        try {
            size = content.size();
        } catch (UncheckedIOException e) {
            return new Extraction("", null, Status.FAILED, "spooled content unreadable: " + e.getCause().getMessage());
        }
        if (size == 0) {
            return new Extraction("", null, Status.EMPTY, "");
        }
        // a file in memory may have been seen before; a spooled one (in a message over 8 MB) is not hashed first
        ExtractionCache.Key key = content instanceof PartContent.Bytes b
                ? ExtractionCache.Key.of(b.bytes(), declaredType, charset, filename) : null;
        Extraction result = key == null ? null : cache.get(key);
        if (result == null) {
            result = run(run -> run.extract(content, declaredType, charset, name(filename)));
            if (key != null) {
                cache.put(key, result);
            }
        }
        if (!result.complete()) {
            LOG.infof("attachment \"%s\" (%s, %d bytes): %s, %s", name(filename), result.detectedType(), size,
                    result.status(), result.problem());
        }
        return result;
    }

    /** How many extractions were answered by an earlier one of the same bytes (see {@link ExtractionCache}). */
    public long repeatsServed() {
        return cache.hits();
    }

    private Extraction run(Function<ExtractionRun, Extraction> parse) {
        ExtractionRun run = new ExtractionRun(tika, limits);
        Extraction result;
        try {
            result = pool.run(() -> parse.apply(run), limits.timeout().plus(GRACE));
        } catch (TimeoutException e) {
            result = failed(run, Status.TIMEOUT, "still parsing " + limits.timeout().plus(GRACE).toMillis()
                    + " ms after it started: abandoned");
        } catch (ParsePool.Refused e) {
            result = failed(run, Status.FAILED, "not attempted: " + e.getMessage());
        } catch (ExecutionException e) {
            result = failed(run, Status.FAILED, String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = failed(run, Status.FAILED, "interrupted");
        }
        return result;
    }

    private static String name(String filename) {
        return filename == null ? "" : filename;
    }

    private static Extraction failed(ExtractionRun run, Status status, String problem) {
        return new Extraction("", run.detectedType(), status, problem);
    }

    /** Stops the parsing threads (a stuck one is interrupted and, being a daemon, never blocks exit). */
    @Override
    public void close() {
        pool.close();
    }
}
