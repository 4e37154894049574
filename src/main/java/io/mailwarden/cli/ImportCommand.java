package io.mailwarden.cli;

import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.format.Formats;
import io.mailwarden.daemon.request.ImportJob;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailwarden import}: messages from files into the archive, without a server. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Archive the messages of an export or of any mbox file, Maildir(++) tree or directory of .eml"
                + " files (raw store, catalog and index) without touching a mail server, with the linked files an export"
                + " holds in .linked-files. Importing again adds nothing.",
                "While the daemon runs it holds the archive: it reads the files and imports them, and the progress and"
                        + " result show here. Ctrl-C stops the import after the message being archived; import again"
                        + " to add the rest."},
        footer = {"", "Exit codes: 0 imported, 1 the files or the archive cannot be read, 2 wrong usage, 130 stopped by"
                + " Ctrl-C."})
public class ImportCommand extends ArchiveCommand {

    @Parameters(paramLabel = "PATH", description = "An export, an mbox file, a Maildir or a directory of .eml files")
    Path path;

    @Option(names = "--account", paramLabel = "NAME",
            description = "The account to file messages under (default: the one a mailwarden export names)")
    String account;

    @Option(names = "--folder", paramLabel = "F",
            description = "The folder to file every message in (default: the one each comes from, else INBOX)")
    String folder;

    @Override
    protected int work() throws Exception {
        // the daemon reads the files itself: it gets the path as the command resolves it
        ImportJob job = new ImportJob(path.toAbsolutePath().toString(), account, folder);
        try (MessageSource source = Formats.open(path, Spool.of(config.dataDir()))) {
            return runJob(job, List.of(), (env, io) -> job.run(env, io, source));
        }
    }
}
