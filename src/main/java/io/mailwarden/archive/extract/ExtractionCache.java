package io.mailwarden.archive.extract;

import io.mailwarden.archive.extract.Extraction.Status;
import io.mailwarden.message.Sha256;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The extractions of attachments seen lately, by the SHA-256 of their bytes and the hints they came with: the
 * same file reaches a company archive many times (one mail to several archived colleagues, replies and forwards
 * that carry it, the same message in two folders), and Tika is most of the cost of archiving one. Bounded by the
 * text it holds, least recently used first out. Only outcomes the bytes alone decide are kept: not a failure or
 * a timeout, which may be the machine's. Thread-safe.
 */
final class ExtractionCache {

    /** The most characters of text held, about 16 MB of heap. */
    static final long MAX_CHARS = 8_000_000;
    private static final Set<Status> KEPT = EnumSet.of(Status.OK, Status.EMPTY, Status.TRUNCATED, Status.ENCRYPTED,
            Status.TOO_LARGE);

    /** What an extraction depends on: the bytes and the hints given with them. */
    record Key(String sha256, long size, String declaredType, String charset, String filename) {

        static Key of(byte[] bytes, String declaredType, String charset, String filename) {
            return new Key(Sha256.of(bytes), bytes.length, declaredType, charset, filename);
        }
    }

    private final Map<Key, Extraction> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;
    private long hits;

    /** The extraction kept for {@code key}, or null. */
    synchronized Extraction get(Key key) {
        Extraction e = entries.get(key);
        if (e != null) {
            hits++;
        }
        return e;
    }

    /** Keeps {@code e} for {@code key} when the bytes alone decided it, making room by dropping the oldest. */
    synchronized void put(Key key, Extraction e) {
        if (!KEPT.contains(e.status()) || e.text().length() > MAX_CHARS) {
            return;
        }
        Extraction old = entries.put(key, e);
        chars += e.text().length() - (old == null ? 0 : old.text().length());
        Iterator<Extraction> oldest = entries.values().iterator();
        while (chars > MAX_CHARS) {
            chars -= oldest.next().text().length();
            oldest.remove();
        }
    }

    /** How many extractions were served from the cache. */
    synchronized long hits() {
        return hits;
    }

    /** How many extractions it holds. */
    synchronized int size() {
        return entries.size();
    }
}
