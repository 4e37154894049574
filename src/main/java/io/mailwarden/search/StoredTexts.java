package io.mailwarden.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;

/**
 * The stored texts the highlighter reads, each document's read once for all of them (the highlighter asks
 * field by field, and decompressing a document is a good part of a snippet's cost). The values of a
 * multi-valued field are joined with U+2029, as the unified highlighter joins them; each text is cut at
 * {@code maxChars}. One per search: not thread-safe.
 */
final class StoredTexts {

    /** Between two values of a field (two attachments' texts), as the highlighter has it. */
    static final char VALUE_SEPARATOR = '\u2029';

    private final StoredFields stored;
    private final Set<String> fields;
    private final int maxChars;
    private final Map<Integer, Map<String, String>> read = new HashMap<>();

    StoredTexts(StoredFields stored, Set<String> fields, int maxChars) {
        this.stored = stored;
        this.fields = fields;
        this.maxChars = maxChars;
    }

    /** Per document of {@code docs}, the values of {@code fields} (some of those given at construction). */
    List<CharSequence[]> of(String[] names, DocIdSetIterator docs) throws IOException {
        List<CharSequence[]> out = new ArrayList<>();
        for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
            Map<String, String> texts = texts(doc);
            CharSequence[] values = new CharSequence[names.length];
            for (int i = 0; i < names.length; i++) {
                values[i] = texts.getOrDefault(names[i], "");
            }
            out.add(values);
        }
        return out;
    }

    private Map<String, String> texts(int doc) throws IOException {
        Map<String, String> texts = read.get(doc);
        if (texts == null) {
            Map<String, StringBuilder> values = new HashMap<>();
            stored.document(doc, new StoredFieldVisitor() {
                @Override
                public Status needsField(FieldInfo field) {
                    return fields.contains(field.name) ? Status.YES : Status.NO;
                }

                @Override
                public void stringField(FieldInfo field, String value) {
                    StringBuilder b = values.computeIfAbsent(field.name, f -> new StringBuilder());
                    if (b.length() >= maxChars) {
                        return;
                    }
                    if (!b.isEmpty()) {
                        b.append(VALUE_SEPARATOR);
                    }
                    b.append(value, 0, Math.min(value.length(), maxChars - b.length()));
                }
            });
            texts = new HashMap<>();
            for (var e : values.entrySet()) {
                texts.put(e.getKey(), e.getValue().toString());
            }
            read.put(doc, texts);
        }
        return texts;
    }
}
