package io.mailwarden.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The header fields of a message in their original order, with a case-insensitive index. */
public final class Headers {

    private final List<Header> fields;
    private final Map<String, List<String>> byName = new HashMap<>();

    public Headers(List<Header> fields) {
        this.fields = List.copyOf(fields);
        for (Header h : this.fields) {
            byName.computeIfAbsent(h.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1)).add(h.value());
        }
    }

    /** Every field, in message order. */
    public List<Header> all() {
        return fields;
    }

    /** The values of the named field (any case), in message order; empty when absent. */
    public List<String> values(String name) {
        List<String> v = byName.get(name.toLowerCase(Locale.ROOT));
        return v == null ? List.of() : Collections.unmodifiableList(v);
    }

    /** The first value of the named field, or null. */
    public String first(String name) {
        List<String> v = byName.get(name.toLowerCase(Locale.ROOT));
        return v == null ? null : v.get(0);
    }

    public boolean has(String name) {
        return byName.containsKey(name.toLowerCase(Locale.ROOT));
    }
}
