package io.mailwarden.archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.index.RecallMeasurement.ProbeResult;
import io.mailwarden.archive.index.RecallMeasurement.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full recall on planted Chinese, English, mixed and full-width words: the figures are printed for the README. */
class RecallTest {

    @TempDir
    Path dir;

    @Test
    void everyPlantedWordFindsEveryMessageItWasPlantedInAndOnlyTextHoldingIt() {
        RecallCorpus.Corpus corpus = RecallCorpus.generate(300, 20261129);
        List<ProbeResult> results;
        try (ArchiveIndex index = ArchiveIndex.open(dir, Duration.ofHours(1))) {
            corpus.messages().forEach(index::upsert);
            index.refresh();
            results = RecallMeasurement.search(index, corpus);
        }
        List<Row> rows = RecallMeasurement.rows(corpus, results);
        System.out.print(RecallMeasurement.table(rows));

        List<String> missed = results.stream().filter(r -> !r.hits().containsAll(r.planted()))
                .map(r -> r.probe().typed() + " missed " + r.planted().stream().filter(id -> !r.hits().contains(id)).toList())
                .toList();
        assertThat(missed).as("planted messages a probe did not find").isEmpty();
        Row all = rows.get(rows.size() - 1);
        assertThat(all.recall()).isEqualTo(1.0);
        // a hit whose text does not hold the typed characters in a row would be a false match
        assertThat(all.precisionAgainstText()).isEqualTo(1.0);
    }
}
