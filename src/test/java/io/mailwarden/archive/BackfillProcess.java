package io.mailwarden.archive;

import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.archive.extract.ExtractLimits;
import io.mailwarden.archive.extract.MessageExtractor;
import io.mailwarden.archive.extract.TextExtractor;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.imap.FolderReader;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.LoginBudget;
import io.mailwarden.state.ConfiguredStateUrl;
import io.mailwarden.state.TestState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A backfill in a process of its own, composed as an archive command composes it (repair first when the last
 * writer died, then the backfill), over the data directory and the IMAP server it is given. It prints a line per
 * message archived and "done" at the end; {@link BackfillKillTest} kills it part way.
 * Arguments: IMAP port, user, password, data directory.
 */
public final class BackfillProcess {

    private BackfillProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[3]);
        TestState state = TestState.configured(data);
        // keeps the database open, as the daemon's connection pool does
        Connection held = DriverManager.getConnection(ConfiguredStateUrl.forDataDir(data));
        RawStore store = new RawStore(data);
        ArchiveIndex index = ArchiveIndex.open(data.resolve("lucene"), Duration.ofSeconds(30));
        TextExtractor extractor = new TextExtractor(ExtractLimits.defaults());
        DocumentIndexer indexer = new DocumentIndexer(new MessageExtractor(extractor), index);
        if (index.lastWriterDied()) {
            new ArchiveCheck(store, state.archive, RawStore.files(data), state.linkedFiles).repair(indexer);
            index.repaired();
        }
        Archive archive = new Archive(store, state.archive, indexer, Clock.systemUTC());

        Endpoint imap = new Endpoint("127.0.0.1", Integer.parseInt(args[0]), TlsMode.NONE);
        Account a = new Account("corp", Provider.CUSTOM, args[1], new Account.Secret(args[2]), imap, imap, null,
                List.of("INBOX"), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), true);
        BackfillProgress lines = new BackfillProgress() {
            public void folder(String account, String folder, long messages, long bytes) {
            }

            public void message(long bytes) {
                System.out.println("archived");
                System.out.flush();
            }
        };
        try (FolderReader reader = new FolderReader(new ImapConnector(a, LoginBudget.forAccount(a, Clock.systemUTC())))) {
            new Backfill(archive, new Backfill.Options(5, 1 << 20, 2), lines).run(reader, List.of("**"), f -> true);
        }
        index.close();
        extractor.close();
        held.close();
        System.out.println("done");
    }
}
