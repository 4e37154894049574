package io.mailwarden.bench;

import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.archive.Archive;
import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.archive.DocumentIndexer;
import io.mailwarden.archive.extract.ExtractLimits;
import io.mailwarden.archive.extract.MessageExtractor;
import io.mailwarden.archive.extract.TextExtractor;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.backup.ArchiveSource;
import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.export.Exporter;
import io.mailwarden.backup.export.Importer;
import io.mailwarden.backup.format.Format;
import io.mailwarden.backup.format.Formats;
import io.mailwarden.backup.restore.RestoreReport;
import io.mailwarden.backup.restore.Restorer;
import io.mailwarden.imap.ImapAppender;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.LoginBudget;
import io.mailwarden.state.TestState;
import io.mailwarden.testing.TempDirs;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * One message of {@code bench.large} MB (a base64 attachment, as Exmail's big mail is) through import, export
 * to every format, import of the mbox export, and restore into an IMAP server and again (found there, nothing
 * appended), beside bare APPEND commands on a socket (the server's pace): each phase's MB/s and the heap it
 * needed (peak, and peak right after a collection), under a heap smaller than the message. Every phase must
 * leave the spool empty. Run by {@code bench/restore-bench.sh -Dbench.large=600}; see bench/README.md.
 *
 * <p>Usage: {@code LargeMessageBench DIR PORT USER PASSWORD} with {@code -Dbench.large=MB} (600).
 */
public final class LargeMessageBench {

    private LargeMessageBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long mb = Long.getLong("bench.large", 600);
        Path eml = dir.resolve("large.eml");
        long size = generate(eml, mb << 20);
        System.out.printf(Locale.ROOT, "message: %.1f MB (%s); heap max %d MB%n", size / 1e6, eml,
                Runtime.getRuntime().maxMemory() >> 20);
        try (HeapWatch heap = new HeapWatch()) {
            Data first = new Data(dir.resolve("data"));
            phase(heap, "import .eml (read in place)", size, first.spool, () -> {
                try (first; MessageSource source = Formats.open(eml, first.spool)) {
                    check(Importer.run(source, first.archive(), new Importer.Target("corp", "INBOX"), BackfillProgress.NONE)
                            .imported() == 1, "imported");
                }
            });
            Files.delete(eml);
            for (Format format : Format.values()) {
                Path out = dir.resolve("export-" + format.label());
                phase(heap, "export " + format.label(), size, first.spool, () -> check(Exporter.run(first.source(), format,
                        out, first.spool, BackfillProgress.NONE).messages() == 1, "exported"));
                if (format != Format.MBOX) {
                    TempDirs.delete(out);
                }
            }
            Data second = new Data(dir.resolve("data-2"));
            phase(heap, "import mbox (spooled)", size, second.spool, () -> {
                try (second; MessageSource source = Formats.open(dir.resolve("export-mbox"), second.spool)) {
                    check(Importer.run(source, second.archive(), new Importer.Target(null, null), BackfillProgress.NONE)
                            .imported() == 1, "imported");
                }
            });
            TempDirs.delete(dir.resolve("export-mbox"));
            TempDirs.delete(dir.resolve("data-2"));
            Endpoint imap = new Endpoint("127.0.0.1", Integer.parseInt(args[1]), TlsMode.NONE);
            Account account = new Account("bench", Provider.CUSTOM, args[2], new Account.Secret(args[3]), imap, imap,
                    null, List.of("INBOX"), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), false);
            phase(heap, "restore (APPEND streamed)", size, first.spool, () -> restore(account, first, 1, 0));
            phase(heap, "restore again (hashed in pieces)", size, first.spool, () -> restore(account, first, 0, 1));
            phase(heap, "plain APPEND on a socket (the floor)", size, first.spool, () -> first.source().forEach(m -> {
                try (m) {
                    RawAppend.loop(imap.port(), args[2], args[3], "Raw", false, List.of(new BackupMessage(m.account(),
                            m.folder(), m.raw(), m.flags(), Instant.now(), m.origin())));
                }
            }));
        }
    }

    private static void restore(Account account, Data data, long appended, long present) throws Exception {
        try (ImapAppender appender = new ImapAppender(new ImapConnector(account,
                LoginBudget.forAccount(account, Clock.systemUTC())))) {
            RestoreReport r = new Restorer(appender, new Restorer.Options(null, "Restored", false), data.spool,
                    BackfillProgress.NONE, line -> { }).run(data.source());
            check(r.ok() && r.appended() == appended && r.present() == present, "restore " + r);
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    private static void phase(HeapWatch heap, String name, long size, Spool spool, Work work) throws Exception {
        System.gc();
        heap.reset();
        long t = System.nanoTime();
        work.run();
        double s = (System.nanoTime() - t) / 1e9;
        check(!Files.exists(spool.dir()) || isEmpty(spool.dir()), name + ": spool empty afterwards");
        System.out.printf(Locale.ROOT, "%-34s %6.1f s %6.1f MB/s   heap peak %4d MB, after GC %4d MB%n", name, s,
                size / 1e6 / s, heap.peakUsed() >> 20, heap.peakAfterGc() >> 20);
    }

    /** A message of about {@code bytes}: a short text part and a base64 attachment of random bytes, CRLF. */
    private static long generate(Path file, long bytes) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            out.write(("From: Li Lei <li.lei@example.cn>\r\nTo: han.mei@example.cn\r\nSubject: 文件中转站 backup\r\n"
                    + "Message-ID: <large@example.cn>\r\nDate: Mon, 2 Mar 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\n"
                    + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain;"
                    + " charset=UTF-8\r\n\r\nThe backup is attached.\r\n--b1\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Disposition: attachment; filename=\"backup.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            OutputStream base64 = Base64.getMimeEncoder().wrap(new NoClose(out));
            Random random = new Random(42);
            byte[] chunk = new byte[57 * 1024];
            for (long n = 0; n < bytes * 3 / 4; n += chunk.length) {
                random.nextBytes(chunk);
                base64.write(chunk);
            }
            base64.close();
            out.write("\r\n--b1--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        return Files.size(file);
    }

    /** An archive in a data directory: raw store, an in-memory catalog, a Lucene index and Tika. */
    private static final class Data implements AutoCloseable {
        final TestState state = new TestState();
        final RawStore store;
        final Spool spool;
        private ArchiveIndex index;
        private TextExtractor extractor;

        Data(Path data) {
            store = new RawStore(data);
            spool = Spool.of(data);
        }

        Archive archive() {
            index = ArchiveIndex.open(store.root().resolveSibling("lucene"), Duration.ofSeconds(30));
            extractor = new TextExtractor(ExtractLimits.defaults());
            return new Archive(store, state.archive, new DocumentIndexer(new MessageExtractor(extractor), index),
                    Clock.systemUTC());
        }

        MessageSource source() {
            return new ArchiveSource(state.archive, store, ArchiveSource.all());
        }

        @Override
        public void close() {
            index.close();
            extractor.close();
        }
    }

    /** Lets the base64 encoder finish its last line without closing the file under it. */
    private static final class NoClose extends java.io.FilterOutputStream {
        NoClose(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("failed: " + what);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }
}
