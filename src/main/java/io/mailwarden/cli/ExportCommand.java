package io.mailwarden.cli;

import io.mailwarden.archive.ProgressMeter;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.backup.ArchiveSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.export.Exporter;
import io.mailwarden.backup.export.LinkedFileExport;
import io.mailwarden.backup.format.Format;
import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.search.QuerySyntaxException;
import io.mailwarden.search.SearchService;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.LinkedFileStore;
import io.mailwarden.state.StateStore;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mailwarden export}: archived messages out to mbox, Maildir or .eml files, byte for byte. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write archived messages (all, or those a search query matches) byte for byte into mbox files, a"
                + " Maildir++ tree or .eml files, one directory per account, folders kept, and the files their links led"
                + " to (Exmail's 文件中转站) in .linked-files. Reads the archive without"
                + " locking it: works while the daemon runs.",
        footer = {"", "--out must be new, empty, or a previous export of the same format: then only messages it does not"
                + " hold yet are added (nothing is overwritten). See README, \"Export and import\".",
            "", "Exit codes: 0 exported, 1 the archive or --out cannot be used, 2 wrong usage or malformed query."})
public class ExportCommand extends ArchiveCommand {

    @Option(names = "--format", required = true, paramLabel = "mbox|maildir|eml", description = "The format to write")
    String format;

    @Option(names = "--out", required = true, paramLabel = "PATH", description = "The directory to write into")
    Path out;

    @Option(names = "--account", paramLabel = "NAME", description = "Only this account's messages")
    String account;

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Only messages matching this search query")
    List<String> query = List.of();

    @Inject
    MailwardenConfig config;

    @Inject
    ArchiveCatalog catalog;

    @Inject
    StateStore state;

    @Inject
    SearchService search;

    @Inject
    LinkedFileStore linkedFiles;

    @Override
    protected int work() throws Exception {
        Format f;
        Predicate<ArchivedLocation> select;
        try {
            f = Format.parse(format);
            select = selection();
        } catch (IllegalArgumentException | QuerySyntaxException e) {
            err().println(e.getMessage());
            return 2;
        }
        if (select == null) {
            return 1;
        }
        long[] bytes = {0};
        state.migrate();
        ArchiveSource source = new ArchiveSource(catalog, new RawStore(config.dataDir()), select.and(l -> {
            bytes[0] += l.size();
            return true;
        }));
        ProgressMeter meter = new ProgressMeter("export", System.console() != null ? err() : null);
        meter.folder("", "", source.count(), bytes[0]);
        Exporter.Result r = Exporter.run(source, f, out, Spool.of(config.dataDir()), meter);
        LinkedFileExport.Result linked = LinkedFileExport.write(out, source.places(), linkedFiles.stored(),
                RawStore.files(config.dataDir()));
        out().printf(Locale.ROOT, "exported %d message(s), %.1f MB in %.1f s (%.0f MB/s) as %s to %s%s%s%n", r.messages(),
                r.bytes() / 1e6, r.took().toNanos() / 1e9, r.megabytesPerSecond(), f.label(), r.out().toAbsolutePath(),
                r.present() == 0 ? "" : "; " + r.present() + " were there from an earlier export",
                linked.files() == 0 ? "" : "; " + linked.files() + " linked file(s) in " + LinkedFileExport.DIR);
        return 0;
    }

    /** The places to export, or null after saying why there are none to choose from. */
    private Predicate<ArchivedLocation> selection() {
        return matching(account == null ? ArchiveSource.all() : l -> l.account().equals(account), query, search);
    }
}
