package io.mailwarden.archive.index;

import io.mailwarden.message.Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.util.BytesRef;

/** Turns a {@link MessageDocument} into its Lucene document (see {@link Fields}) and stored fields back. */
final class DocumentMapper {

    /** Words fields only rank (no phrase queries): frequencies without positions keep them small. */
    private static final FieldType WORDS = words();
    private static final Pattern NAME_PUNCTUATION = Pattern.compile("[._\\-]+");

    private DocumentMapper() {
    }

    static Document toDocument(MessageDocument m) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, m.id(), Store.YES));
        d.add(new SortedDocValuesField(Fields.ID, new BytesRef(m.id())));
        d.add(new StringField(Fields.ACCOUNT, m.account(), Store.YES));
        d.add(new StringField(Fields.FOLDER, m.folder(), Store.YES));
        storedLong(d, Fields.UID_VALIDITY, m.uidValidity(), false);
        storedLong(d, Fields.UID, m.uid(), false);
        String hash = Fields.exact(m.contentHash());
        d.add(new StringField(Fields.CONTENT_HASH, hash, Store.YES));
        d.add(new SortedDocValuesField(Fields.CONTENT_HASH, new BytesRef(hash)));

        addThread(d, m);
        addAddresses(d, m.from(), Fields.FROM, Fields.FROM_NAME, Fields.FROM_DOMAIN, Fields.FROM_TEXT);
        addAddresses(d, m.to(), Fields.TO, Fields.TO_NAME, Fields.TO_DOMAIN, Fields.TO_TEXT);
        addAddresses(d, m.cc(), Fields.CC, Fields.CC_NAME, Fields.CC_DOMAIN, Fields.CC_TEXT);

        addText(d, Fields.SUBJECT, m.subject());
        addText(d, Fields.BODY, m.body());
        if (m.date() != null) {
            storedLong(d, Fields.DATE, m.date().toEpochMilli(), true);
        }
        storedLong(d, Fields.SIZE, m.size(), true);
        for (String flag : m.flags()) {
            d.add(new StringField(Fields.FLAG, Fields.exact(flag), Store.NO));
            d.add(new StoredField(Fields.FLAG, flag));
        }
        addAttachments(d, m.attachments());
        for (String problem : m.problems()) {
            d.add(new TextField(Fields.PROBLEM, problem, Store.YES));
        }
        for (String rule : m.rules()) {
            d.add(new StringField(Fields.RULE, Fields.exact(rule), Store.NO));
            d.add(new StoredField(Fields.RULE, rule));
        }
        d.add(new NumericDocValuesField(Fields.DELETED_ON_SERVER, m.deletedOnServer() ? 1 : 0));
        return d;
    }

    private static void addThread(Document d, MessageDocument m) {
        Set<String> thread = new LinkedHashSet<>();
        addId(d, Fields.MESSAGE_ID, m.messageId(), thread);
        addId(d, Fields.IN_REPLY_TO, m.inReplyTo(), thread);
        for (String ref : m.references()) {
            addId(d, Fields.REFERENCES, ref, thread);
        }
        for (String id : thread) {
            d.add(new StringField(Fields.THREAD, id, Store.NO));
        }
    }

    private static void addId(Document d, String field, String value, Set<String> thread) {
        String id = Fields.messageId(value);
        if (!id.isEmpty()) {
            d.add(new StringField(field, id, Store.YES));
            thread.add(id);
        }
    }

    private static void addAddresses(Document d, List<Address> addresses, String field, String nameField,
            String domainField, String textField) {
        Set<String> domains = new LinkedHashSet<>();
        for (Address a : addresses) {
            d.add(new StringField(field, Fields.exact(a.address()), Store.NO));
            d.add(new StoredField(field, a.address()));
            d.add(new StoredField(nameField, a.name()));
            d.add(new TextField(textField, a.name() + " " + a.address(), Store.NO));
            domains.addAll(Fields.domains(a.address()));
        }
        for (String domain : domains) {
            d.add(new StringField(domainField, domain, Store.NO));
        }
    }

    private static void addAttachments(Document d, List<AttachmentDoc> attachments) {
        d.add(new IntPoint(Fields.ATTACHMENT_COUNT, attachments.size()));
        for (AttachmentDoc a : attachments) {
            d.add(new StringField(Fields.ATTACHMENT_NAME, Fields.exact(a.name()), Store.NO));
            d.add(new StoredField(Fields.ATTACHMENT_NAME, a.name()));
            // "Q3_报价单.v2.pdf" is one token to UAX #29; split it so each part is a word
            d.add(new TextField(Fields.ATTACHMENT_NAME_TEXT, NAME_PUNCTUATION.matcher(a.name()).replaceAll(" "), Store.NO));
            d.add(new StringField(Fields.ATTACHMENT_TYPE, Fields.exact(a.type()), Store.NO));
            d.add(new StoredField(Fields.ATTACHMENT_TYPE, a.type()));
            d.add(new StoredField(Fields.ATTACHMENT_SIZE, a.size()));
            addText(d, Fields.ATTACHMENT_TEXT, a.text());
            d.add(new StoredField(Fields.ATTACHMENT_PROBLEM, a.problem()));
            if (!a.problem().isEmpty()) {
                d.add(new TextField(Fields.PROBLEM, a.problem(), Store.NO));
            }
        }
    }

    private static void addText(Document d, String field, String text) {
        d.add(new TextField(field, text, Store.YES));
        String words = Fields.wordsOf(field);
        // segmenting costs more than the bigram chain and only ranks: the start of a long text is enough
        String start = text.length() > Fields.WORDS_MAX_CHARS ? text.substring(0, Fields.WORDS_MAX_CHARS) : text;
        if (words != null && Fields.hasHan(start)) {
            d.add(new Field(words, start, WORDS));
        }
    }

    private static FieldType words() {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        type.freeze();
        return type;
    }

    private static void storedLong(Document d, String field, long value, boolean sortable) {
        d.add(new LongPoint(field, value));
        d.add(new StoredField(field, value));
        if (sortable) {
            d.add(new NumericDocValuesField(field, value));
        }
    }

    /**
     * The message back from its stored fields. {@code deletedOnServer} comes from doc values (see
     * {@link Fields#DELETED_ON_SERVER}); body and attachment text are empty when they were not loaded.
     */
    static MessageDocument fromStored(Document s, boolean deletedOnServer) {
        IndexableField date = s.getField(Fields.DATE);
        String[] attachmentNames = s.getValues(Fields.ATTACHMENT_NAME);
        String[] types = s.getValues(Fields.ATTACHMENT_TYPE);
        IndexableField[] sizes = s.getFields(Fields.ATTACHMENT_SIZE);
        String[] texts = s.getValues(Fields.ATTACHMENT_TEXT);
        String[] problems = s.getValues(Fields.ATTACHMENT_PROBLEM);
        List<AttachmentDoc> attachments = new ArrayList<>(attachmentNames.length);
        for (int i = 0; i < attachmentNames.length; i++) {
            attachments.add(new AttachmentDoc(attachmentNames[i], types[i], sizes[i].numericValue().longValue(),
                    i < texts.length ? texts[i] : "", problems[i]));
        }
        return new MessageDocument(s.get(Fields.ID), s.get(Fields.ACCOUNT), s.get(Fields.FOLDER),
                longValue(s, Fields.UID_VALIDITY), longValue(s, Fields.UID), s.get(Fields.CONTENT_HASH),
                s.get(Fields.MESSAGE_ID), s.get(Fields.IN_REPLY_TO), List.of(s.getValues(Fields.REFERENCES)),
                addresses(s, Fields.FROM, Fields.FROM_NAME), addresses(s, Fields.TO, Fields.TO_NAME),
                addresses(s, Fields.CC, Fields.CC_NAME), s.get(Fields.SUBJECT),
                date == null ? null : Instant.ofEpochMilli(date.numericValue().longValue()),
                longValue(s, Fields.SIZE), Set.of(s.getValues(Fields.FLAG)), attachments, s.get(Fields.BODY),
                List.of(s.getValues(Fields.RULE)), List.of(s.getValues(Fields.PROBLEM)), deletedOnServer);
    }

    private static long longValue(Document s, String field) {
        IndexableField f = s.getField(field);
        return f == null ? 0 : f.numericValue().longValue();
    }

    private static List<Address> addresses(Document s, String field, String nameField) {
        String[] addresses = s.getValues(field);
        String[] names = s.getValues(nameField);
        List<Address> out = new ArrayList<>(addresses.length);
        for (int i = 0; i < addresses.length; i++) {
            out.add(new Address(addresses[i], names[i]));
        }
        return out;
    }
}
