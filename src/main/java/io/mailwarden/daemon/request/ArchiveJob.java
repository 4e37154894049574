package io.mailwarden.daemon.request;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The work of a command that writes the archive ({@code backfill}, {@code reindex}, {@code import}): run by
 * the command itself when it can open the archive, else by the running daemon on its request. Its JSON form
 * (the command's name and arguments) is the request.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "command")
@JsonSubTypes({@JsonSubTypes.Type(value = BackfillJob.class, name = BackfillJob.NAME),
        @JsonSubTypes.Type(value = ReindexJob.class, name = ReindexJob.NAME),
        @JsonSubTypes.Type(value = ImportJob.class, name = ImportJob.NAME)})
@RegisterForReflection
public sealed interface ArchiveJob permits BackfillJob, ReindexJob, ImportJob {

    /** The command's name, as its progress meter shows it. */
    default String command() {
        return switch (this) {
            case BackfillJob b -> BackfillJob.NAME;
            case ReindexJob r -> ReindexJob.NAME;
            case ImportJob i -> ImportJob.NAME;
        };
    }

    /**
     * Whether the job can stop before its end (Ctrl-C) without harm: a backfill at a batch boundary, an import
     * between two messages. A reindex cannot (its end drops the documents of places gone): it runs to the end.
     */
    default boolean stoppable() {
        return !(this instanceof ReindexJob);
    }

    /** What to do after the job was cut short. */
    default String again() {
        return switch (this) {
            case BackfillJob b -> "run it again: it resumes where it stopped";
            case ImportJob i -> "run it again: what was imported already is skipped";
            case ReindexJob r -> "run it again";
        };
    }

    /** Runs the job; returns the command's exit code. */
    int run(JobEnv env, JobIo io) throws Exception;
}
