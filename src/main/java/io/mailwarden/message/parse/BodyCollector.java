package io.mailwarden.message.parse;

import io.mailwarden.message.Attachment;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Walks a MIME tree once, collecting the body text and the attachments; one part's failure is recorded, not thrown. */
final class BodyCollector {

    private final AttachmentTextExtractor extractor;
    private final List<String> problems;
    private final int messageDepth;
    private final StringBuilder plain = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private final List<Attachment> attachments = new ArrayList<>();
    // the attachments' decoded bytes, which their text suppliers hold anyway
    private final List<byte[]> contents = new ArrayList<>();

    BodyCollector(AttachmentTextExtractor extractor, List<String> problems, int messageDepth) {
        this.extractor = extractor;
        this.problems = problems;
        this.messageDepth = messageDepth;
    }

    String text() {
        return plain.isEmpty() ? HtmlText.toText(html.toString()) : plain.toString().strip();
    }

    List<Attachment> attachments() {
        return List.copyOf(attachments);
    }

    /** The decoded bytes of attachment {@code n}, or null when there is no such attachment. */
    byte[] content(int n) {
        return n >= 0 && n < contents.size() ? contents.get(n) : null;
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
                List<BodyPart> children = MultipartSplitter.split(part, type.get("boundary"), problems);
                if (children.isEmpty()) {
                    append(plain, Charsets.decode(part.getInputStream().readAllBytes(), type.get("charset")));
                }
                for (BodyPart child : children) {
                    walk(child, depth + 1);
                }
            } else if (h.bodyText() && mediaType.equals("text/plain")) {
                append(plain, Charsets.decode(part.getInputStream().readAllBytes(), type.get("charset")));
            } else if (h.bodyText()) {
                append(html, Charsets.decode(part.getInputStream().readAllBytes(), type.get("charset")));
            } else {
                addAttachment(part, mediaType, type.get("charset"), filename);
            }
        } catch (Exception e) {
            problems.add("part " + mediaType + (filename.isEmpty() ? "" : " \"" + filename + "\"")
                    + " unreadable: " + e.getMessage());
        }
    }

    private void addAttachment(Part part, String mediaType, String charset, String filename) throws Exception {
        byte[] bytes = part.getInputStream().readAllBytes();
        Supplier<String> text;
        if (mediaType.equals("message/rfc822") && messageDepth < MessageParser.MAX_DEPTH) {
            text = memo(() -> nestedText(bytes));
        } else {
            text = memo(() -> extractor.extract(bytes, mediaType, charset, filename));
        }
        attachments.add(new Attachment(attachments.size(), filename, mediaType, bytes.length, text));
        contents.add(bytes);
    }

    private String nestedText(byte[] bytes) {
        var nested = new MessageParser(extractor).parse(bytes, messageDepth + 1);
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
