package io.mailwarden.archive;

import io.mailwarden.archive.extract.ExtractedMessage;
import io.mailwarden.archive.extract.Extraction;
import io.mailwarden.archive.extract.MessageExtractor;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.AttachmentDoc;
import io.mailwarden.archive.index.IndexException;
import io.mailwarden.archive.index.MessageDocument;
import io.mailwarden.archive.linked.LinkedFiles;
import io.mailwarden.message.Attachment;
import io.mailwarden.message.Message;
import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ArchivedLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The archive's indexer: parses the raw bytes, extracts every attachment's text with Tika and hands the
 * index one document per place. What could not be extracted goes into the document as a problem, so it
 * can be searched for. A message whose document cannot be made or indexed at all is indexed by its place
 * alone ({@link Unindexable}): one message's failure is the message's, so the folder's backfill goes past
 * it; only when that too fails (the index itself is failing) does {@link #index} throw.
 */
public final class DocumentIndexer implements Indexer {

    private static final Logger LOG = Logger.getLogger("mailwarden.archive");
    private static final java.util.regex.Pattern MESSAGE_ID = java.util.regex.Pattern.compile("<[^<>\\s]+>");

    private final Function<RawMessage, ExtractedMessage> extractor;
    private final ArchiveIndex index;
    private final LinkedFiles linked;

    public DocumentIndexer(MessageExtractor extractor, ArchiveIndex index) {
        this(extractor, index, null);
    }

    /** @param linked the files messages link to (recorded, and indexed once downloaded); null: links are left alone */
    public DocumentIndexer(MessageExtractor extractor, ArchiveIndex index, LinkedFiles linked) {
        this(extractor::extract, index, linked);
    }

    /** With the parsing and extraction step given (tests make it fail). */
    DocumentIndexer(Function<RawMessage, ExtractedMessage> extractor, ArchiveIndex index, LinkedFiles linked) {
        this.extractor = extractor;
        this.index = index;
        this.linked = linked;
    }

    @Override
    public void index(ArchivedLocation place, RawMessage raw) {
        ExtractedMessage extracted;
        try {
            extracted = extractor.apply(raw);
        } catch (RuntimeException | StackOverflowError e) { // the message's failure; the state store's fail below
            indexAlone(place, raw, e);
            return;
        }
        List<AttachmentDoc> files = linked == null ? List.of()
                : linked.attachments(place.contentHash(), extracted.message());
        try {
            index.upsert(document(place, extracted, files));
        } catch (IndexException e) {
            indexAlone(place, raw, e); // Lucene refused this document; if the index itself is failing, so will this
        }
    }

    private void indexAlone(ArchivedLocation place, RawMessage raw, Throwable why) {
        MessageDocument alone = Unindexable.document(place, raw, why);
        try {
            index.upsert(alone);
        } catch (RuntimeException e) {
            e.addSuppressed(why);
            throw e;
        }
        LOG.warnf("archive: %s/%s UID %d (sha256 %s): %s", place.account(), place.folder(), place.uid(),
                place.contentHash(), alone.problems().getLast());
    }

    @Override
    public void markDeletedOnServer(String id) {
        index.setDeletedOnServer(id, true);
    }

    @Override
    public void remove(String id) {
        index.delete(id);
    }

    @Override
    public Set<String> ids() {
        return index.ids();
    }

    @Override
    public void commit() {
        index.commit();
    }

    @Override
    public void rebuilt() {
        index.rebuilt();
        index.commit();
    }

    /** @param linkedFiles the files the message links to, as attachments after its own */
    static MessageDocument document(ArchivedLocation place, ExtractedMessage extracted, List<AttachmentDoc> linkedFiles) {
        Message m = extracted.message();
        List<AttachmentDoc> attachments = new ArrayList<>();
        for (int i = 0; i < m.attachments().size(); i++) {
            Attachment a = m.attachments().get(i);
            Extraction x = extracted.attachments().get(i);
            attachments.add(new AttachmentDoc(a.filename(), x.detectedType(), a.size(), x.text(), x.indexedProblem()));
        }
        attachments.addAll(linkedFiles);
        List<String> problems = new ArrayList<>(m.problems());
        return new MessageDocument(place.id(), place.account(), place.folder(), place.uidValidity(), place.uid(),
                place.contentHash(), m.messageId(), ids(m.headers().first("In-Reply-To")).stream().findFirst().orElse(""),
                ids(m.headers().first("References")), m.from(), m.to(), m.cc(), m.subject(),
                m.date() != null ? m.date().toInstant() : place.internalDate(), m.size(), place.imapFlags(),
                attachments, m.text(), place.rules(), problems,
                place.status() == ArchivedLocation.Status.DELETED);
    }

    /** Message ids in a References or In-Reply-To field, in order. */
    static List<String> ids(String field) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = MESSAGE_ID.matcher(field);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
