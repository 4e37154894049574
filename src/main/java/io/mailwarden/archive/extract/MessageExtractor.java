package io.mailwarden.archive.extract;

import io.mailwarden.archive.extract.Extraction.Status;
import io.mailwarden.message.Attachment;
import io.mailwarden.message.Message;
import io.mailwarden.message.RawMessage;
import io.mailwarden.message.parse.MessageParser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Parses a raw message and extracts the text of every attachment, recording how each extraction went.
 * Never throws; one attachment's failure never stops the others. Thread-safe.
 */
public final class MessageExtractor {

    private static final String FORWARDED = "message/rfc822";

    private final TextExtractor extractor;

    public MessageExtractor(TextExtractor extractor) {
        this.extractor = extractor;
    }

    public ExtractedMessage extract(byte[] raw) {
        return extract(RawMessage.of(raw));
    }

    /** A message in memory or spooled to a file (read from the file, which stays the caller's). */
    public ExtractedMessage extract(RawMessage raw) {
        // The parser asks for text lazily, once per attachment, on this thread; a forwarded message asks
        // once per attachment of its own. Forcing the attachments in order tells whose extractions they are.
        List<Extraction> calls = new ArrayList<>();
        MessageBudget budget = new MessageBudget(extractor.limits());
        Message message = new MessageParser((content, type, charset, name) -> {
            Extraction e = budget.extract(() -> extractor.extract(content, type, charset, name), type);
            calls.add(e);
            return e.text();
        }).parse(raw);
        List<Extraction> extractions = new ArrayList<>(message.attachments().size());
        for (Attachment a : message.attachments()) {
            calls.clear();
            String text = a.extractedText();
            boolean forwarded = a.mediaType().equals(FORWARDED);
            if (calls.size() == 1 && !forwarded) {
                extractions.add(calls.get(0));
            } else {
                // a forwarded message's attachments were counted as they were read; its own text is counted here
                long counted = calls.stream().mapToLong(c -> c.text().length()).sum();
                extractions.add(budget.take(combined(a, text, calls, forwarded), counted));
            }
        }
        return new ExtractedMessage(message, extractions);
    }

    /** A forwarded message, read by the mail parser: its text, and the worst of its attachments' outcomes. */
    private static Extraction combined(Attachment a, String text, List<Extraction> calls, boolean forwarded) {
        List<Extraction> failed = calls.stream().filter(e -> !e.complete()).toList();
        Status status = !failed.isEmpty() ? failed.get(0).status() : text.isBlank() ? Status.EMPTY : Status.OK;
        String type = forwarded || calls.isEmpty() ? a.mediaType() : calls.get(0).detectedType();
        String problem = failed.stream().map(Extraction::problem).collect(Collectors.joining("; "));
        return new Extraction(text, type, status, problem);
    }
}
