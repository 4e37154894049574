package io.mailwarden.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total how many messages match (a lower bound when {@code exact} is false)
 * @param tookMillis time the search took
 */
public record SearchPage(String query, long total, boolean exact, long tookMillis, int offset, List<Hit> hits) {
}
