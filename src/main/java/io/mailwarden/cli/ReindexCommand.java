package io.mailwarden.cli;

import io.mailwarden.daemon.request.ReindexJob;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code mailwarden reindex}: rebuild the search index from the stored messages. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Rebuild the search index from the raw messages and the catalog (the index is a cache of them).",
                "While the daemon runs it holds the index: it does the reindex, and the progress and result show"
                        + " here. The daemon cannot stop a reindex safely: it runs to its end (Ctrl-C only stops"
                        + " waiting for it)."},
        footer = {"", "Exit codes: 0 done, 1 the archive could not be opened or read, 130 stopped waiting by Ctrl-C."})
public class ReindexCommand extends ArchiveCommand {

    @Override
    protected int work() throws Exception {
        ReindexJob job = new ReindexJob();
        return runJob(job, List.of(), job::run);
    }
}
