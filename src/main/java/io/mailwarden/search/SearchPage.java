package io.mailwarden.search;

import java.util.List;

/**
 * One page of results.
 *
 * @param total how many messages match, counted exactly up to 1,000; above that {@code exact} is false and it is a
 *        lower bound
 * @param tookMillis time the search took
 */
public record SearchPage(String query, long total, boolean exact, long tookMillis, int offset, List<Hit> hits) {
}
