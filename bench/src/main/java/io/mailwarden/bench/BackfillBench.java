package io.mailwarden.bench;

import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.archive.Archive;
import io.mailwarden.archive.Backfill;
import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.archive.DocumentIndexer;
import io.mailwarden.archive.extract.ExtractLimits;
import io.mailwarden.archive.extract.MessageExtractor;
import io.mailwarden.archive.extract.TextExtractor;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.linked.HostPolicy;
import io.mailwarden.archive.linked.LinkFinder;
import io.mailwarden.archive.linked.LinkedFileDownloader;
import io.mailwarden.archive.linked.LinkedFiles;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.imap.FolderReader;
import io.mailwarden.imap.ImapConnector;
import io.mailwarden.imap.LoginBudget;
import io.mailwarden.state.ArchiveCatalog;
import io.mailwarden.state.CheckpointStore;
import io.mailwarden.state.LinkedFileStore;
import io.mailwarden.state.ProcessedStore;
import io.mailwarden.state.StateDb;
import io.mailwarden.state.StateStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The Java side of {@code bench/backfill-bench.sh}.
 *
 * <ul>
 * <li>{@code corpus MAILDIR}: writes the mailbox into a Dovecot Maildir ({@link BackfillCorpus}):
 *     {@code INBOX} with {@code bench.messages} (10000) mixed messages, {@code Plain} with
 *     {@code bench.plain} (as many) plain ones, {@code Large} with one message per size in
 *     {@code bench.large} (MB, {@code 20,35,50}; empty: none); seed {@code bench.seed} (42), a pool of
 *     {@code bench.docs} (300) PDFs and as many DOCX files. Prints {@code FOLDER name messages bytes}.</li>
 * <li>{@code run PORT USER PASSWORD DATA_DIR}: the mailwarden backfill of those folders, one after the
 *     other in this JVM, into an archive assembled as {@code ArchiveService} does (raw store, H2 file
 *     catalog, Lucene index, Tika), timed per folder, then the final commit; prints {@code PHASE} lines
 *     (one per folder) and an {@code ARCHIVE} line. Fails unless every message was archived and indexed.</li>
 * <li>{@code report MBSYNC}: reads what {@code run} printed on standard input and prints the table with
 *     mbsync's times of the same folders ({@code INBOX=wall:cpu,...}, seconds) beside it ({@link BackfillReport}).</li>
 * </ul>
 */
public final class BackfillBench {

    private BackfillBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("corpus")) {
            corpus(Path.of(args[1]));
        } else if (args.length == 5 && args[0].equals("run")) {
            run(Integer.parseInt(args[1]), args[2], args[3], Path.of(args[4]));
        } else if (args.length == 2 && args[0].equals("report")) {
            BackfillReport.print(new String(System.in.readAllBytes(), StandardCharsets.UTF_8), args[1]);
        } else {
            System.err.println("usage: BackfillBench corpus MAILDIR | run PORT USER PASSWORD DATA_DIR | report MBSYNC");
            System.exit(2);
        }
    }

    private static void corpus(Path maildir) throws IOException {
        int messages = Integer.getInteger("bench.messages", 10_000);
        String large = System.getProperty("bench.large", "20,35,50").trim();
        BenchDocs docs = new BenchDocs(BenchDocs.CJK_FONT);
        if (!docs.chinesePdfs()) {
            System.err.println("note: no CJK font at " + BenchDocs.CJK_FONT + ": the PDFs are English only");
        }
        var corpus = new BackfillCorpus(Long.getLong("bench.seed", 42), docs, Integer.getInteger("bench.docs", 300));
        List<BackfillCorpus.Folder> folders = new ArrayList<>();
        folders.add(corpus.mixed(maildir, "INBOX", messages));
        folders.add(corpus.plain(maildir, "Plain", Integer.getInteger("bench.plain", messages)));
        if (!large.isEmpty()) {
            folders.add(corpus.large(maildir, "Large", Arrays.stream(large.split(",")).mapToLong(s -> Long.parseLong(s.trim())).toArray()));
        }
        folders.forEach(f -> System.out.println("FOLDER " + f));
    }

    /** One folder's backfill. */
    private record Phase(String folder, long messages, long bytes, double seconds, double cpuSeconds, long heapPeak,
            long heapAfterGc, double indexingSeconds, double jitSeconds, double secondHalfSeconds,
            double secondHalfCpuSeconds) {
    }

    private static void run(int port, String user, String password, Path data) throws Exception {
        List<String> folders = List.of(System.getProperty("bench.folders", "INBOX,Plain,Large").split(","));
        Backfill.Options defaults = Backfill.Options.defaults();
        Backfill.Options options = new Backfill.Options(Integer.getInteger("bench.batch-messages", defaults.batchMessages()),
                Long.getLong("bench.batch-bytes", defaults.batchBytes()), Integer.getInteger("bench.workers", defaults.workers()));
        Endpoint imap = new Endpoint("127.0.0.1", port, TlsMode.NONE);
        Account account = new Account("bench", Provider.CUSTOM, user, new Account.Secret(password), imap, imap, null,
                List.of(), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), false);

        long opening = System.nanoTime();
        JdbcConnectionPool pool = JdbcConnectionPool.create(
                "jdbc:h2:retry:" + data.toAbsolutePath() + "/state/mailwarden;AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", "");
        StateDb db = new StateDb(pool);
        new StateStore(db, Flyway.configure().dataSource(pool).locations("classpath:db/migration").load(),
                new CheckpointStore(db), new ProcessedStore(db)).migrate();
        ArchiveIndex index = ArchiveIndex.open(data.resolve("lucene"), Duration.ofSeconds(30));
        TextExtractor extractor = new TextExtractor(ExtractLimits.defaults());
        HostPolicy linkHosts = HostPolicy.of("qq.com"); // the default; the corpus has no such links
        LinkedFiles linked = new LinkedFiles(new LinkFinder(linkHosts), new LinkedFileStore(db), RawStore.files(data),
                new LinkedFileDownloader(linkHosts, 2L << 30, Duration.ofSeconds(60), data.resolve("spool")), extractor,
                Clock.systemUTC());
        TimedIndexer indexer = new TimedIndexer(new DocumentIndexer(new MessageExtractor(extractor), index, linked));
        Archive archive = new Archive(new RawStore(data), new ArchiveCatalog(db), indexer, Clock.systemUTC());
        System.err.printf(Locale.ROOT, "  archive opened in %.2f s; backfill with %s, -Xmx%d MB%n",
                (System.nanoTime() - opening) / 1e9, options, Runtime.getRuntime().maxMemory() >> 20);

        var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Phase> phases = new ArrayList<>();
        double commitSeconds;
        try (HeapWatch heap = new HeapWatch(); ThreadCpu threads = new ThreadCpu()) {
            for (String folder : folders) {
                heap.reset();
                AtomicLong expected = new AtomicLong();
                AtomicLong bytes = new AtomicLong();
                AtomicLong done = new AtomicLong();
                long[] half = new long[2]; // wall and CPU nanoseconds when half the folder was archived
                BackfillProgress progress = new BackfillProgress() {
                    public void folder(String account, String f, long messages, long size) {
                        expected.set(messages);
                        bytes.set(size);
                    }

                    public void message(long size) {
                        if (done.incrementAndGet() == Math.max(1, expected.get() / 2)) {
                            half[0] = System.nanoTime();
                            half[1] = cpu.getProcessCpuTime();
                        }
                    }
                };
                double indexingBefore = indexer.seconds();
                long cpuBefore = cpu.getProcessCpuTime();
                Map<String, Double> threadsBefore = threads.byGroup();
                double jitBefore = threads.compilerSeconds();
                long start = System.nanoTime();
                Backfill.Result r;
                try (FolderReader reader = new FolderReader(new ImapConnector(account,
                        LoginBudget.forAccount(account, Clock.systemUTC())))) {
                    r = new Backfill(archive, options, progress).run(reader, List.of(folder), folder::equals);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (r.folders() == 0) {
                    continue;
                }
                if (r.archived() != expected.get()) {
                    throw new IllegalStateException(folder + ": archived " + r.archived() + " of " + expected.get());
                }
                long end = System.nanoTime();
                long cpuEnd = cpu.getProcessCpuTime();
                phases.add(new Phase(folder, r.archived(), bytes.get(), seconds, (cpuEnd - cpuBefore) / 1e9,
                        heap.peakUsed(), heap.peakAfterGc(), indexer.seconds() - indexingBefore,
                        threads.compilerSeconds() - jitBefore, (end - half[0]) / 1e9, (cpuEnd - half[1]) / 1e9));
                System.err.printf(Locale.ROOT, "  mailwarden %s: %d messages in %.2f s%n", folder, r.archived(), seconds);
                System.err.printf(Locale.ROOT, "    CPU by thread: %s%n", ThreadCpu.delta(threadsBefore, threads.byGroup()));
            }
            long start = System.nanoTime();
            index.commit();
            commitSeconds = (System.nanoTime() - start) / 1e9;
            long total = phases.stream().mapToLong(Phase::messages).sum();
            index.refresh();
            if (index.count() != total) {
                throw new IllegalStateException("the index holds " + index.count() + " documents, not " + total);
            }
        } finally {
            index.close();
            extractor.close();
            pool.dispose();
        }
        for (Phase p : phases) {
            System.out.printf(Locale.ROOT, "PHASE %s %d %d %.3f %.3f %d %d %.3f %.3f %.3f %.3f%n", p.folder(), p.messages(),
                    p.bytes(), p.seconds(), p.cpuSeconds(), p.heapPeak(), p.heapAfterGc(), p.indexingSeconds(), p.jitSeconds(),
                    p.secondHalfSeconds(), p.secondHalfCpuSeconds());
        }
        System.out.printf(Locale.ROOT, "ARCHIVE %d %d %d %.3f %d %d%n", size(data.resolve("messages")), size(data.resolve("lucene")),
                size(data.resolve("state")), commitSeconds, HeapWatch.status("VmRSS"), HeapWatch.status("VmHWM"));
    }

    private static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
