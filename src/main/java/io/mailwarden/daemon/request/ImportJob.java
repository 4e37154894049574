package io.mailwarden.daemon.request;

import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.export.Importer;
import io.mailwarden.backup.export.LinkedFileImport;
import io.mailwarden.backup.format.Formats;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code import}: archives the messages of files (an export, mbox, Maildir or .eml directory). Stops between two
 * messages when asked: each is archived whole before the next, and importing again adds only what is missing.
 *
 * @param path the files, as an absolute path (the daemon's working directory is not the command's)
 * @param account the account to file messages under, or null for the one the source names
 * @param folder the folder to file them in, or null for the one each comes from
 */
@RegisterForReflection
public record ImportJob(String path, String account, String folder) implements ArchiveJob {

    static final String NAME = "import";

    @Override
    public int run(JobEnv env, JobIo io) throws Exception {
        try (MessageSource source = Formats.open(Path.of(path), Spool.of(env.archive().store()))) {
            return run(env, io, source);
        }
    }

    /**
     * Imports from {@code source}, opened already by the caller (who closes it); first the files the messages of an
     * export link to, so that a message imported is indexed with them.
     */
    public int run(JobEnv env, JobIo io, MessageSource source) throws Exception {
        Stopping progress = new Stopping(io);
        Importer.Result r;
        LinkedFileImport linked = LinkedFileImport.of(Path.of(path));
        LinkedFileImport.Result files = new LinkedFileImport.Result(0, 0);
        if (linked.size() > 0 && env.linkedFiles() == null) {
            io.err().printf(Locale.ROOT, "%d linked file(s) of %s not imported: mailwarden.archive.linked-files.enabled"
                    + " is false%n", linked.size(), path);
        } else if (linked.size() > 0) {
            files = linked.adopt(env.linkedFiles(), env.archive());
        }
        try {
            r = Importer.run(source, env.archive(), new Importer.Target(account, folder), progress);
        } catch (IllegalArgumentException e) {
            io.err().println(e.getMessage());
            return 2;
        } catch (Stopped e) {
            io.err().printf(Locale.ROOT, "import stopped %s after %d message(s) from %s (import again: what is archived"
                    + " already is skipped)%n", e.stop.reason, progress.messages, path);
            return e.stop.exit;
        }
        io.out().printf(Locale.ROOT, "imported %d message(s), %.1f MB from %s; %d were archived already%s%n",
                r.imported(), r.bytes() / 1e6, path, r.known(), files.files() == 0 ? ""
                        : "; " + files.files() + " linked file(s), " + files.stored() + " new to the archive");
        return 0;
    }

    /** The job's progress, which ends the import after a message when the job is asked to stop. */
    private static final class Stopping implements BackfillProgress {
        private final JobIo io;
        private long messages;

        Stopping(JobIo io) {
            this.io = io;
        }

        @Override
        public void folder(String account, String folder, long count, long bytes) {
            io.progress().folder(account, folder, count, bytes);
        }

        @Override
        public void message(long bytes) {
            messages++;
            io.progress().message(bytes);
            JobIo.Stop stop = io.stop().get();
            if (stop != null) {
                throw new Stopped(stop);
            }
        }

        @Override
        public void done() {
            io.progress().done();
        }
    }

    private static final class Stopped extends RuntimeException {
        final transient JobIo.Stop stop;

        Stopped(JobIo.Stop stop) {
            super(null, null, false, false);
            this.stop = stop;
        }
    }
}
