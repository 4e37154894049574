package io.mailwarden.daemon.request;

import io.mailwarden.archive.Reindex;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** {@code reindex}: rebuilds the search index from the raw messages and the catalog; runs to its end once started. */
@RegisterForReflection
public record ReindexJob() implements ArchiveJob {

    static final String NAME = "reindex";

    @Override
    public int run(JobEnv env, JobIo io) throws Exception {
        long n = Reindex.run(env.archive(), env.indexer(), env.options().workers(), io.progress());
        io.out().printf("reindexed %d message place(s)%n", n);
        return 0;
    }
}
