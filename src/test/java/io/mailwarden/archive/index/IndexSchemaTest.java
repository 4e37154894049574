package io.mailwarden.archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexSchemaTest {

    private static final Duration HOURLY = Duration.ofHours(1);

    @TempDir
    Path dir;

    @Test
    void aNewIndexIsOfTheCurrentSchemaAndStaysSoAcrossCommits() {
        Path lucene = dir.resolve("lucene");
        try (ArchiveIndex index = ArchiveIndex.open(lucene, HOURLY)) {
            assertThat(index.schema().isCurrent()).isTrue();
            index.upsert(IndexedMessages.plain("m1", "a", "x"));
            index.commit();
        }
        try (ArchiveIndex index = ArchiveIndex.open(lucene, HOURLY)) {
            assertThat(index.schema()).isEqualTo(new IndexSchema(IndexSchema.CURRENT));
            assertThat(index.schema().advice()).isEmpty();
        }
        try (ReadOnlyIndex view = ReadOnlyIndex.open(lucene)) {
            assertThat(view.schema().isCurrent()).isTrue();
        }
    }

    @Test
    void anIndexFromBeforeSchemasAsksForAReindexUntilItIsRebuilt() throws IOException {
        Path lucene = dir.resolve("lucene");
        olderBuildsIndex(lucene);

        try (ArchiveIndex index = ArchiveIndex.open(lucene, HOURLY)) {
            assertThat(index.schema().version()).isEqualTo(1);
            assertThat(index.schema().advice()).get().asString()
                    .contains("older mailwarden", "index schema 1", "mailwarden reindex");
            // new documents alone do not make the old ones current
            index.upsert(IndexedMessages.plain("m2", "b", "y"));
            index.commit();
        }
        try (ReadOnlyIndex view = ReadOnlyIndex.open(lucene)) {
            assertThat(view.schema().version()).isEqualTo(1);
        }

        try (ArchiveIndex index = ArchiveIndex.open(lucene, HOURLY)) {
            assertThat(index.schema().version()).isEqualTo(1);
            index.rebuilt();
            index.commit();
        }
        try (ArchiveIndex index = ArchiveIndex.open(lucene, HOURLY)) {
            assertThat(index.schema().isCurrent()).isTrue();
            assertThat(index.committedAt()).isPresent();
        }
    }

    @Test
    void anIndexOfANewerBuildSaysSo() {
        assertThat(new IndexSchema(IndexSchema.CURRENT + 1).advice()).get().asString()
                .contains("newer mailwarden", "mailwarden reindex");
    }

    /** An index as the builds before schema versions left it: a commit with only its time. */
    private static void olderBuildsIndex(Path lucene) throws IOException {
        try (FSDirectory d = FSDirectory.open(lucene);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(new StandardAnalyzer()))) {
            w.setLiveCommitData(Map.of(ArchiveIndex.COMMITTED_AT, Long.toString(System.currentTimeMillis())).entrySet());
            w.commit();
        }
    }
}
