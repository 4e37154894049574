package io.mailwarden.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.MessageDocument;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.Address;
import io.mailwarden.search.Search.Order;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Newest-first pages and totals on an archive indexed in arrival order (dates ascending with document order, the
 * case the date windows are for), against the order the definition gives.
 */
class NewestFirstTest {

    private static final int MESSAGES = 2_500;
    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    @TempDir
    static Path data;

    static ArchiveIndex index;
    static ArchiveSearch search;

    @BeforeAll
    static void build() {
        index = ArchiveIndex.open(data.resolve("lucene"), Duration.ofMinutes(5));
        for (int i = 0; i < MESSAGES; i++) {
            List<String> words = new ArrayList<>(List.of("common"));
            words.add(i % 2 == 0 ? "even" : "odd");
            if (i % 500 == 0) {
                words.add("rare");
            }
            if (i < 1_500) {
                words.add("early"); // dense, but only among the oldest messages
            }
            index.upsert(doc(i, START.plusSeconds(3600L * i), String.join(" ", words)));
        }
        for (int i = 0; i < 3; i++) {
            index.upsert(doc(MESSAGES + i, null, "common undated"));
        }
        index.commit();
        index.refresh();
        search = new ArchiveSearch(() -> index, new RawStore(data), ArchiveSearchTest.NOW);
    }

    @AfterAll
    static void close() {
        index.close();
    }

    @Test
    void newestPageOfADenseQueryIsTheNewestOfAllItsMatches() {
        assertThat(ids("even", 20, 0)).isEqualTo(newest(i -> i % 2 == 0, 20, 0));
        assertThat(ids("odd", 20, 40)).isEqualTo(newest(i -> i % 2 == 1, 20, 40));
        assertThat(ids("common", 100, 0)).isEqualTo(newest(i -> true, 100, 0));
    }

    @Test
    void matchesOnlyAmongOldMessagesAreFoundByWideningTheWindow() {
        assertThat(ids("early", 20, 0)).isEqualTo(newest(i -> i < 1_500, 20, 0));
        assertThat(ids("early even", 20, 0)).isEqualTo(newest(i -> i < 1_500 && i % 2 == 0, 20, 0));
    }

    @Test
    void undatedMessagesComeLast() {
        SearchPage last = search.search("common", 10, MESSAGES - 5, Order.DATE);
        assertThat(last.hits().stream().map(Hit::id).toList()).containsExactly("m4", "m3", "m2", "m1", "m0",
                "m" + MESSAGES, "m" + (MESSAGES + 1), "m" + (MESSAGES + 2));
        assertThat(ids("undated", 10, 0)).hasSize(3);
    }

    @Test
    void totalIsExactUpToTheCountLimitAndALowerBoundAbove() {
        SearchPage rare = search.search("rare", 20, 0, Order.DATE);
        assertThat(rare.total()).isEqualTo(5);
        assertThat(rare.exact()).isTrue();
        SearchPage early = search.search("early odd", 20, 0, Order.DATE);
        assertThat(early.total()).isEqualTo(750);
        assertThat(early.exact()).isTrue();
        SearchPage common = search.search("common", 20, 0, Order.DATE);
        assertThat(common.total()).isEqualTo(TopHits.COUNT_LIMIT);
        assertThat(common.exact()).isFalse();
        SearchPage relevance = search.search("common", 20, 0, Order.RELEVANCE);
        assertThat(relevance.total()).isGreaterThanOrEqualTo(TopHits.COUNT_LIMIT);
        assertThat(relevance.exact()).isFalse();
    }

    private static List<String> ids(String query, int limit, int offset) {
        return search.search(query, limit, offset, Order.DATE).hits().stream().map(Hit::id).toList();
    }

    /** By the definition: matching messages, newest first. */
    private static List<String> newest(IntPredicate matches, int limit, int offset) {
        return IntStream.iterate(MESSAGES - 1, i -> i >= 0, i -> i - 1).filter(matches).skip(offset).limit(limit)
                .mapToObj(i -> "m" + i).toList();
    }

    private static MessageDocument doc(int n, Instant date, String body) {
        return new MessageDocument("m" + n, "finance", "INBOX", 1, n + 1, String.format("%064x", n), n + "@x", "",
                List.of(), List.of(new Address("a@vendor.example", "")), List.of(), List.of(), "message " + n, date,
                100, Set.of(), List.of(), body, List.of(), List.of(), false);
    }
}
