package io.mailwarden.cli;

import io.mailwarden.archive.ProgressMeter;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.export.Importer;
import io.mailwarden.backup.format.Formats;
import io.mailwarden.config.MailwardenConfig;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailwarden import}: messages from files into the archive, without a server. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Archive the messages of an export or of any mbox file, Maildir(++) tree or directory of .eml"
                + " files (raw store, catalog and index) without touching a mail server. Importing again adds nothing."
                + " Needs the index's write lock: stop the daemon first.",
        footer = {"", "Exit codes: 0 imported, 1 the files or the archive cannot be read (or the daemon holds the index),"
                + " 2 wrong usage."})
public class ImportCommand extends ArchiveCommand {

    @Parameters(paramLabel = "PATH", description = "An export, an mbox file, a Maildir or a directory of .eml files")
    Path path;

    @Option(names = "--account", paramLabel = "NAME",
            description = "The account to file messages under (default: the one a mailwarden export names)")
    String account;

    @Option(names = "--folder", paramLabel = "F",
            description = "The folder to file every message in (default: the one each comes from, else INBOX)")
    String folder;

    @Inject
    MailwardenConfig config;

    @Override
    protected int work() throws Exception {
        MessageSource source = Formats.open(path, Spool.of(config.dataDir()));
        return withArchive(opened -> {
            ProgressMeter meter = new ProgressMeter("import", System.console() != null ? err() : null);
            Importer.Result r;
            try (source) {
                r = Importer.run(source, opened.archive(), new Importer.Target(account, folder), meter);
            } catch (IllegalArgumentException e) {
                err().println(e.getMessage());
                return 2;
            }
            out().printf(Locale.ROOT, "imported %d message(s), %.1f MB from %s; %d were archived already%n", r.imported(),
                    r.bytes() / 1e6, path.toAbsolutePath(), r.known());
            return 0;
        });
    }
}
