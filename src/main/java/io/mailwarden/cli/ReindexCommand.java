package io.mailwarden.cli;

import io.mailwarden.archive.ProgressMeter;
import io.mailwarden.archive.Reindex;
import picocli.CommandLine.Command;

/** {@code mailwarden reindex}: rebuild the search index from the stored messages. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the search index from the raw messages and the catalog (the index is a cache of them).",
        footer = {"", "Exit codes: 0 done, 1 the archive could not be opened or read."})
public class ReindexCommand extends ArchiveCommand {

    @Override
    protected int work() throws Exception {
        return withArchive(opened -> {
            ProgressMeter meter = new ProgressMeter("reindex", System.console() != null ? err() : null);
            int workers = archives.backfillOptions().workers();
            long n = Reindex.run(opened.archive(), opened.indexer(), workers, meter);
            out().printf("reindexed %d message place(s)%n", n);
            return 0;
        });
    }
}
