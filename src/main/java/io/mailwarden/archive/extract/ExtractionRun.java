package io.mailwarden.archive.extract;

import io.mailwarden.archive.extract.Extraction.Status;
import io.mailwarden.message.Attachment;
import io.mailwarden.message.Message;
import io.mailwarden.message.RawMessage;
import io.mailwarden.message.parse.AttachmentTextExtractor;
import io.mailwarden.message.parse.MessageParser;
import io.mailwarden.message.parse.PartContent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * One attachment's extraction, on one parsing thread: detects the type from the bytes, parses it with
 * Tika (or, for a forwarded message, with the mail parser, which decodes Chinese mail better), and
 * follows embedded documents within the limits. Failures are recorded in the {@link Guard}, never thrown.
 */
final class ExtractionRun {

    private static final MediaType MESSAGE = MediaType.parse("message/rfc822");
    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-tar", "application/gzip",
            "application/x-gzip", "application/x-bzip2", "application/x-7z-compressed", "application/x-xz",
            "application/zstd", "application/x-compress", "application/x-lzma", "application/java-archive",
            "application/x-rar-compressed", "application/vnd.rar", "application/x-archive", "application/x-cpio",
            "application/x-gtar", "application/x-lz4", "application/x-snappy", "application/x-brotli");

    private final TikaParts tika;
    private final ExtractLimits limits;
    private final Guard guard;
    private final ParseContext context = TikaParts.context();
    /** The documents being parsed, innermost first: depth and archive nesting come from it. */
    private final Deque<String> open = new ArrayDeque<>();
    private volatile String detectedType = "application/octet-stream";

    ExtractionRun(TikaParts tika, ExtractLimits limits) {
        this.tika = tika;
        this.limits = limits;
        this.guard = new Guard(limits);
        context.set(org.apache.tika.detect.EncodingDetector.class, tika.charsets());
        context.set(EmbeddedDocumentExtractor.class, new EmbeddedDocs(this));
    }

    /** The type detected so far; readable from another thread when the parse is abandoned. */
    String detectedType() {
        return detectedType;
    }

    /** The attachment's text; content too big to hold is in a file, which Tika reads itself (PDFs at random). */
    Extraction extract(PartContent content, String declaredType, String charset, String filename) {
        TextSink sink = new TextSink(limits.maxChars(), guard);
        parse(content, declaredType, charset, filename, sink, true);
        String text = sink.text().strip();
        Status status = guard.status() != null ? guard.status() : text.isEmpty() ? Status.EMPTY : Status.OK;
        return new Extraction(text, detectedType, status, guard.problems());
    }

    /** Parses the attachment itself, or an attachment of a forwarded message. */
    private void parse(PartContent content, String declaredType, String charset, String filename, TextSink sink,
            boolean top) {
        Metadata metadata = new Metadata();
        if (!filename.isBlank()) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, filename);
        }
        if (declaredType != null && !declaredType.isBlank()) {
            metadata.set(Metadata.CONTENT_TYPE, declaredType); // a hint that can only refine what the bytes say
        }
        if (charset != null) {
            metadata.set(MailCharsetDetector.DECLARED, charset);
        }
        try (TikaInputStream tis = open(content, top)) {
            MediaType type = tika.detector().detect(tis, metadata);
            if (top) {
                detectedType = type.getBaseType().toString();
            }
            if (type.getBaseType().equals(MESSAGE)) {
                forwardedMessage(content instanceof PartContent.Bytes b ? RawMessage.of(b.bytes())
                        : RawMessage.inPlace(((PartContent.File) content).path()), sink);
            } else {
                parse(tis, type, metadata, new BodyContentHandler(sink));
            }
        } catch (Exception e) {
            record(top ? "" : filename, e);
        }
    }

    /** The content for Tika; what a forwarded message holds counts against the expanded-size budget. */
    private TikaInputStream open(PartContent content, boolean top) throws IOException {
        return switch (content) {
            case PartContent.Bytes b -> TikaInputStream.get(new GuardedStream(b.open(), guard, !top));
            case PartContent.File f -> {
                if (!top) {
                    guard.expanded(f.size());
                }
                yield TikaInputStream.get(f.path());
            }
        };
    }

    /** Parses a stream of a detected type, the document being pushed on the open stack meanwhile. */
    void parse(TikaInputStream tis, MediaType type, Metadata metadata, ContentHandler handler) throws Exception {
        metadata.set(Metadata.CONTENT_TYPE, type.toString());
        open.push(type.getBaseType().toString());
        try {
            tika.parser().parse(tis, handler, metadata, context);
        } finally {
            open.pop();
        }
    }

    /**
     * A forwarded message: its subject, body and attachments' text, through the mail parser. One in a file
     * is read in place: the file stays its owner's.
     */
    private void forwardedMessage(RawMessage raw, TextSink sink) throws SAXException {
        open.push(MESSAGE.toString());
        try {
            Message m = new MessageParser(nested).parse(raw);
            sink.append(m.subject() + "\n" + m.text());
            for (Attachment a : m.attachments()) {
                sink.append("\n" + a.filename() + "\n" + a.extractedText());
            }
        } finally {
            open.pop();
        }
    }

    /** The attachments of a forwarded message, read within this run's limits. */
    private final AttachmentTextExtractor nested = this::nestedAttachment;

    private String nestedAttachment(PartContent content, String declaredType, String charset, String filename) {
        if (!mayOpen() || guard.stopped()) {
            return "";
        }
        TextSink sink = new TextSink(limits.maxChars(), guard);
        parse(content, declaredType, charset, filename, sink, false);
        return sink.text();
    }

    /** Whether a document embedded in the current one is read: depth, and archives one level deep. */
    boolean mayOpen() {
        long archives = open.stream().filter(ARCHIVES::contains).count();
        return open.size() < limits.maxDepth() && archives <= (limits.zipContents() ? 1 : 0);
    }

    TikaParts tika() {
        return tika;
    }

    Guard guard() {
        return guard;
    }

    /** Records why a document could not be read; {@code name} is empty for the attachment itself. */
    void record(String name, Exception e) {
        if (guard.stopped()) {
            return; // the limit that stopped the parse is already recorded
        }
        String where = name == null || name.isBlank() ? "" : name + ": ";
        if (causedBy(e, EncryptedDocumentException.class)) {
            guard.note(Status.ENCRYPTED, where + "password-protected");
        } else if (describe(e).toLowerCase(Locale.ROOT).contains("zip bomb")) {
            guard.note(Status.TOO_LARGE, where + describe(e));
        } else {
            guard.note(Status.FAILED, where + describe(e));
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause, one line: the outer ones are mostly Tika's wrappers. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().strip().replaceAll("\\s+", " ");
        String line = root.getClass().getSimpleName() + message;
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
