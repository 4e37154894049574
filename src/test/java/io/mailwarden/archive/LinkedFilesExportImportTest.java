package io.mailwarden.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.mailwarden.archive.linked.ExmailLinkMail;
import io.mailwarden.archive.linked.FakeTransferStation;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.backup.ArchiveSource;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.export.Exporter;
import io.mailwarden.backup.export.Importer;
import io.mailwarden.backup.export.LinkedFileExport;
import io.mailwarden.backup.export.LinkedFileImport;
import io.mailwarden.backup.format.Format;
import io.mailwarden.backup.format.Formats;
import io.mailwarden.daemon.request.ImportJob;
import io.mailwarden.daemon.request.JobEnv;
import io.mailwarden.daemon.request.JobIo;
import io.mailwarden.state.LinkedFile;
import io.mailwarden.testing.TempDirs;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A file an Exmail link led to, downloaded by one archive, goes out with its message in an export and comes back
 * with it on import: the second archive finds the message by the file's text although the link is dead by then.
 */
class LinkedFilesExportImportTest {

    private static final byte[] CONTENT = "二〇二六年度预算 forecast zebrafinch".getBytes(StandardCharsets.UTF_8);

    @RegisterExtension
    final ArchiveHarness source = new ArchiveHarness();
    @RegisterExtension
    final ArchiveHarness target = new ArchiveHarness();
    private final FakeTransferStation station = new FakeTransferStation();
    private Path out;

    @BeforeEach
    void archiveAMessageWithItsLinkedFile() throws Exception {
        station.start();
        URI link = station.linkFor("年度预算.txt", CONTENT);
        source.append("INBOX", ExmailLinkMail.alternative("年度预算.txt", link.toString()));
        source.append("INBOX", "Subject: no link\r\nMessage-ID: <plain@example.cn>\r\n\r\nnothing linked\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        source.backfill();
        for (String hash : source.linked.fetchDue(() -> false)) {
            source.archive.reindex(hash);
        }
        assertThat(source.search("zebrafinch")).hasSize(1);
        station.expire(link); // from now on only the archive has the file
        out = source.data.resolveSibling(source.data.getFileName() + "-export");
    }

    @AfterEach
    void stopStation() {
        station.close();
        TempDirs.delete(out);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void exportsTheLinkedFileBesideItsMessageAndImportBringsItBack(Format format) throws Exception {
        LinkedFileExport.Result exported = export(format);

        assertThat(exported).isEqualTo(new LinkedFileExport.Result(1, 1));
        LinkedFile stored = source.state.linkedFiles.stored().get(0);
        Path file = out.resolve(".linked-files/" + stored.fileHash() + "/年度预算.txt");
        assertThat(Files.readAllBytes(file)).isEqualTo(CONTENT);
        List<String> list = Files.readAllLines(out.resolve(".linked-files/linked-files.tsv"));
        assertThat(list).hasSize(2);
        assertThat(list.get(0)).isEqualTo("account\tfolder\tmessage_id\tmessage_sha256\tname\tfile\tsize\turl");
        assertThat(list.get(1).split("\t")).containsExactly("corp", "INBOX",
                source.state.archive.placesOf(stored.messageHash()).get(0).messageId(), stored.messageHash(),
                "年度预算.txt", stored.fileHash() + "/年度预算.txt", String.valueOf(CONTENT.length),
                stored.url());
        assertThat(readBack()).as("the export's readers do not take .linked-files for a folder").hasSize(2);

        LinkedFileImport.Result kept = LinkedFileImport.of(out).adopt(target.linked, target.archive);
        Importer.Result imported;
        try (MessageSource messages = Formats.open(out, Spool.of(target.data))) {
            imported = Importer.run(messages, target.archive, new Importer.Target(null, null), BackfillProgress.NONE);
        }

        assertThat(kept).isEqualTo(new LinkedFileImport.Result(1, 1));
        assertThat(imported.imported()).isEqualTo(2);
        assertThat(target.search("zebrafinch")).as("found by the file's text, the link being dead").singleElement()
                .satisfies(hit -> assertThat(hit.message().attachments()).singleElement()
                        .satisfies(a -> assertThat(a.name()).isEqualTo("年度预算.txt")));
        assertThat(station.requests()).as("the target archive downloaded nothing").isEqualTo(2);
        assertThat(target.verify(true).ok()).isTrue();
    }

    @Test
    void exportingAgainAddsNeitherTheFileNorItsLineTwice() throws Exception {
        export(Format.EML);

        LinkedFileExport.Result again = export(Format.EML);

        assertThat(again).isEqualTo(new LinkedFileExport.Result(1, 0));
        assertThat(Files.readAllLines(out.resolve(".linked-files/linked-files.tsv"))).hasSize(2);
    }

    @Test
    void importingIntoAnArchiveThatHasTheMessageGivesItTheFileAndIndexesItAgain() throws Exception {
        export(Format.MBOX);
        try (MessageSource messages = Formats.open(out, Spool.of(target.data))) {
            Importer.run(messages, target.archive, new Importer.Target(null, null), BackfillProgress.NONE);
        }
        assertThat(target.search("zebrafinch")).as("the message alone links to nothing stored here").isEmpty();

        LinkedFileImport.Result kept = LinkedFileImport.of(out).adopt(target.linked, target.archive);

        assertThat(kept).isEqualTo(new LinkedFileImport.Result(1, 1));
        assertThat(target.search("zebrafinch")).hasSize(1);
        assertThat(LinkedFileImport.of(out).adopt(target.linked, target.archive))
                .as("importing again stores nothing").isEqualTo(new LinkedFileImport.Result(1, 0));
    }

    @Test
    void refusesAnAlteredFileNamingIt() throws Exception {
        export(Format.EML);
        Path file = out.resolve(".linked-files/" + source.state.linkedFiles.stored().get(0).fileHash() + "/年度预算.txt");
        Files.writeString(file, "something else");

        Throwable t = catchThrowable(() -> LinkedFileImport.of(out).adopt(target.linked, target.archive));

        assertThat(t).isInstanceOf(IOException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("not the file that was exported");
        assertThat(target.state.linkedFiles.stored()).isEmpty();
    }

    @Test
    void refusesAMalformedListNamingItsLine() throws Exception {
        export(Format.EML);
        Path list = out.resolve(".linked-files/linked-files.tsv");
        Files.writeString(list, Files.readString(list) + "corp\tINBOX\t<x>\tnot-a-hash\tx\ty\t1\thttps://x\n");

        Throwable t = catchThrowable(() -> LinkedFileImport.of(out));

        assertThat(t).isInstanceOf(IOException.class).hasMessage(list + ": line 3: message_sha256 is not a SHA-256:"
                + " not-a-hash");
    }

    @Test
    void anImportWithLinkedFilesOffSaysTheFilesWereLeftInTheExport() throws Exception {
        export(Format.EML);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        JobEnv off = JobEnv.standalone(target.archive, target.indexer, null, Backfill.Options.defaults(), List.of());

        int exit = new ImportJob(out.toString(), null, null).run(off, JobIo.direct(new PrintWriter(stdout, true),
                new PrintWriter(stderr, true), BackfillProgress.NONE));

        assertThat(exit).isZero();
        assertThat(stdout.toString()).contains("imported 2 message(s)");
        assertThat(stderr.toString()).contains("1 linked file(s) of " + out + " not imported:"
                + " mailwarden.archive.linked-files.enabled is false");
        assertThat(target.state.linkedFiles.stored()).isEmpty();
    }

    private LinkedFileExport.Result export(Format format) throws IOException {
        ArchiveSource messages = new ArchiveSource(source.state.archive, source.store, ArchiveSource.all());
        Exporter.run(messages, format, out, Spool.of(source.data), BackfillProgress.NONE);
        return LinkedFileExport.write(out, messages.places(), source.state.linkedFiles.stored(),
                RawStore.files(source.data));
    }

    private List<String> readBack() throws IOException {
        List<String> origins = new ArrayList<>();
        try (MessageSource messages = Formats.open(out, Spool.of(source.data))) {
            messages.forEach(m -> {
                try (BackupMessage message = m) {
                    origins.add(message.origin());
                }
            });
        }
        return origins;
    }
}
