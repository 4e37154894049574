package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.index.MessageDocument;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.message.Address;
import io.mailwarden.search.ArchiveSearch;
import io.mailwarden.search.Search;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SearchCommandTest {

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(boolean indexed, String... args) {
        ArchiveIndex index = indexed ? ArchiveIndex.open(data.resolve("lucene"), Duration.ofMinutes(1)) : null;
        try {
            if (index != null) {
                index.upsert(new MessageDocument("m1", "finance", "其他文件夹/发票", 1, 1, "ab".repeat(32), "m1@x", "", List.of(),
                        List.of(new Address("billing@vendor.example", "张伟")), List.of(), List.of(),
                        "增值税发票：二〇二六年三月的服务费用及其他很长很长的说明", Instant.parse("2026-03-15T09:00:00Z"),
                        1000, Set.of(), List.of(), "请查收", List.of(), List.of(), false));
                index.refresh();
            }
            ArchiveSearch search = new ArchiveSearch(() -> index, new RawStore(data), Clock.systemUTC());
            SearchCommand command = new SearchCommand() {
                @Override
                Search search() {
                    return search;
                }

                @Override
                boolean indexExists() {
                    return index != null;
                }

                @Override
                String indexLocation() {
                    return data.resolve("lucene").toString();
                }
            };
            command.mapper = new ObjectMapper().registerModule(new JavaTimeModule());
            return new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        } finally {
            if (index != null) {
                index.close();
            }
        }
    }

    @Test
    void printsATableWithChineseColumnsCutToTheirWidth() {
        assertThat(run(true, "发票", "from:vendor.example")).isZero();
        String line = out.toString().lines().findFirst().orElseThrow();
        assertThat(line).contains("张伟").contains("其他文件夹/发票").contains("…");
        assertThat(ResultTable.fit("增值税发票", 6)).isEqualTo("增值… ");
        assertThat(ResultTable.fit("abc", 5)).isEqualTo("abc  ");
        assertThat(out.toString()).contains("1-1 of 1 hit(s)");
    }

    @Test
    void printsJson() {
        assertThat(run(true, "--json", "发票")).isZero();
        assertThat(out.toString()).contains("\"total\" : 1").contains("\"subject\" : \"增值税发票");
    }

    @Test
    void aMalformedQueryIsWrongUsage() {
        assertThat(run(true, "form:alice")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown operator 'form:' at 1");
    }

    @Test
    void saysSoWhenThereIsNoIndex() {
        assertThat(run(false, "发票")).isEqualTo(1);
        assertThat(err.toString()).contains("no index at").contains("nothing has been archived yet");
    }
}
