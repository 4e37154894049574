package io.mailwarden.message.parse;

import io.mailwarden.message.Attachment;
import io.mailwarden.message.Message;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Walks a MIME tree once, collecting the body text and the attachments; one part's failure is recorded, not
 * thrown. Body text is read up to {@link #MAX_TEXT_BYTES}; the rest stays in the raw message only.
 */
final class BodyCollector {

    /** The most bytes of body text read from one message (the index and the rules need no more). */
    static final int MAX_TEXT_BYTES = 8 << 20;
    static final String TEXT_CUT = "body text over " + (MAX_TEXT_BYTES >> 20) + " MB: the rest is in the raw message only";
    /** With a spool, an attachment bigger than this is copied into a file there rather than into memory. */
    static final int PART_IN_MEMORY_MAX = 1 << 20;

    private final AttachmentTextExtractor extractor;
    private final List<String> problems;
    private final int messageDepth;
    private final Path spool;
    /** Only list the attachments' parts, reading nothing (to stream one of them out). */
    private final boolean partsOnly;
    private long textBytes;
    private int partsLeft = MultipartSplitter.MAX_PARTS;
    private final StringBuilder plain = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private final List<Attachment> attachments = new ArrayList<>();
    private final List<Part> parts = new ArrayList<>();

    /** @param spool where big attachments are copied to (a message read from a file); null: into memory */
    BodyCollector(AttachmentTextExtractor extractor, List<String> problems, int messageDepth, Path spool) {
        this(extractor, problems, messageDepth, spool, false);
    }

    private BodyCollector(AttachmentTextExtractor extractor, List<String> problems, int messageDepth, Path spool,
            boolean partsOnly) {
        this.extractor = extractor;
        this.problems = problems;
        this.messageDepth = messageDepth;
        this.spool = spool;
        this.partsOnly = partsOnly;
    }

    /** The parts of the message's attachments, numbered as {@link MessageParser} numbers them; none is read. */
    static List<Part> attachmentParts(Part message) {
        BodyCollector c = new BodyCollector(AttachmentTextExtractor.TEXT_ONLY, new ArrayList<>(), 0, null, true);
        c.walk(message, 0);
        return List.copyOf(c.parts);
    }

    String text() {
        return plain.isEmpty() ? HtmlText.toText(html.toString()) : plain.toString().strip();
    }

    List<Message.Link> links() {
        return html.isEmpty() ? List.of() : HtmlLinks.of(html.toString());
    }

    List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    void walk(Part part, int depth) {
        PartHeaders h = PartHeaders.of(MessageParser.header(part, "Content-Type"),
                MessageParser.header(part, "Content-Disposition"));
        MimeParams type = h.type();
        String mediaType = h.mediaType();
        String filename = h.filename();
        try {
            if (h.multipart()) {
                if (depth >= MessageParser.MAX_DEPTH) {
                    problems.add("multipart nesting deeper than " + MessageParser.MAX_DEPTH + " levels was not read");
                    return;
                }
                if (partsLeft == 0) {
                    MultipartSplitter.noteTooMany(problems);
                    return;
                }
                List<BodyPart> children = MultipartSplitter.split(part, type.get("boundary"), problems, partsLeft);
                partsLeft -= children.size();
                if (children.isEmpty() && !partsOnly) {
                    append(plain, Charsets.decode(textOf(part), type.get("charset")));
                }
                for (BodyPart child : children) {
                    walk(child, depth + 1);
                }
            } else if (h.bodyText() && partsOnly) {
                return; // body text: no attachment
            } else if (h.bodyText() && mediaType.equals("text/plain")) {
                append(plain, Charsets.decode(textOf(part), type.get("charset")));
            } else if (h.bodyText()) {
                append(html, Charsets.decode(textOf(part), type.get("charset")));
            } else {
                addAttachment(part, mediaType, type.get("charset"), filename);
            }
        } catch (Exception | StackOverflowError e) {
            // a decoder that recurses per input line must cost this part, not the message and whoever reads it
            problems.add("part " + mediaType + (filename.isEmpty() ? "" : " \"" + filename + "\"")
                    + " unreadable: " + (e instanceof StackOverflowError ? "too deeply nested to decode" : e.getMessage()));
        }
    }

    /** A body text part's bytes, as many as the message's text budget has left. */
    private byte[] textOf(Part part) throws Exception {
        try (InputStream in = QuotedPrintableInput.decoded(part)) {
            byte[] bytes = in.readNBytes((int) Math.max(0, MAX_TEXT_BYTES - textBytes));
            textBytes += bytes.length;
            if (in.read() >= 0) {
                problems.add(TEXT_CUT);
            }
            return bytes;
        }
    }

    private void addAttachment(Part part, String mediaType, String charset, String filename) throws Exception {
        parts.add(part);
        if (partsOnly) {
            return;
        }
        boolean nested = mediaType.equals("message/rfc822") && messageDepth < MessageParser.MAX_DEPTH;
        try (InputStream in = QuotedPrintableInput.decoded(part)) {
            byte[] bytes = spool == null ? in.readAllBytes() : in.readNBytes(PART_IN_MEMORY_MAX + 1);
            if (bytes.length > PART_IN_MEMORY_MAX && spool != null) {
                Path file = spool(bytes, in);
                Supplier<String> text = memo(() -> {
                    try {
                        return nested ? charged(nestedText(new MessageParser(extractor).parse(file, messageDepth + 1)))
                                : extractor.extract(PartContent.of(file), mediaType, charset, filename);
                    } finally {
                        deleteQuietly(file);
                    }
                });
                attachments.add(new Attachment(attachments.size(), filename, mediaType, Files.size(file), text));
                return;
            }
            Supplier<String> text = nested
                    ? memo(() -> charged(nestedText(new MessageParser(extractor).parse(bytes, messageDepth + 1))))
                    : memo(() -> extractor.extract(PartContent.of(bytes), mediaType, charset, filename));
            attachments.add(new Attachment(attachments.size(), filename, mediaType, bytes.length, text));
        }
    }

    /** A new spool file holding {@code start} and the rest of {@code in}: a big attachment, decoded. */
    private Path spool(byte[] start, InputStream in) throws IOException {
        Files.createDirectories(spool);
        Path file = Files.createTempFile(spool, "part-", ".tmp");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(start);
            in.transferTo(out);
            return file;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a later start removes it once it is an hour old
        }
    }

    /**
     * A forwarded message's text, counted against this message's body text: each forwarded message has a budget of
     * its own while it is parsed, so without this a message of many would keep many times {@link #MAX_TEXT_BYTES}.
     */
    private String charged(String text) {
        long left = Math.max(0, MAX_TEXT_BYTES - textBytes);
        String kept = text.length() <= left ? text : text.substring(0, (int) left);
        textBytes += kept.length();
        return kept;
    }

    private static String nestedText(Message nested) {
        StringBuilder sb = new StringBuilder(nested.subject()).append('\n').append(nested.text());
        nested.attachments().forEach(a -> sb.append('\n').append(a.extractedText()));
        return sb.toString();
    }

    private static void append(StringBuilder sb, String text) {
        if (text.isBlank()) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append('\n');
        }
        sb.append(text.replace("\r\n", "\n")); // rules match "\n"; mail is CRLF on the wire
    }

    /** Extraction can be costly (Tika later): run it once, on first use, and never let it throw. */
    static Supplier<String> memo(Supplier<String> s) {
        return new Supplier<>() {
            private volatile String value;

            @Override
            public String get() {
                String v = value;
                if (v == null) {
                    try {
                        v = s.get();
                    } catch (RuntimeException e) {
                        v = "";
                    }
                    value = v == null ? "" : v;
                }
                return value;
            }
        };
    }
}
