package io.mailwarden.archive.index;

import java.util.List;

/**
 * What {@link ArchiveIndex#search} found.
 *
 * @param total how many documents match; a lower bound when {@code exact} is false (Lucene stops
 *        counting precisely after 1,000 when it can skip non-competitive hits)
 * @param exact whether {@code total} is exact
 * @param hits the top hits, best (or first in sort order) first
 */
public record SearchResult(long total, boolean exact, List<IndexHit> hits) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
