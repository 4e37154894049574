package io.mailwarden.bench;

import io.mailwarden.archive.BackfillProgress;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.backup.ArchiveSource;
import io.mailwarden.backup.MessageSource;
import io.mailwarden.backup.Spool;
import io.mailwarden.backup.export.Exporter;
import io.mailwarden.backup.format.Format;
import io.mailwarden.backup.format.Formats;
import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.ArchivedLocation.Status;
import io.mailwarden.state.TestState;
import io.mailwarden.testing.TempDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Export throughput from a warm archive: {@code bench.messages} generated messages ({@link BenchMail})
 * put into a raw store and a catalog as the daemon archives them (no index: export does not read it),
 * every stored file read once so the page cache holds the archive, then each format exported
 * {@code bench.rounds} times into a fresh directory; the best and median rounds are reported, with the
 * bare read of the archive (decompression, no writing) as the ceiling. Then each export is read back
 * with {@code Formats.open} and counted.
 */
public final class ExportBench {

    public static void main(String[] args) throws Exception {
        int messages = Integer.getInteger("bench.messages", 10_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        Path dir = Path.of(args.length > 0 ? args[0] : Files.createTempDirectory("mailwarden-export-bench").toString());
        TestState state = new TestState();
        RawStore store = new RawStore(dir.resolve("data"));
        long bytes = fill(state, store, messages);
        System.err.printf(Locale.ROOT, "archive: %d messages, %.1f MB raw (%.1f KB on average), %.1f MB stored%n",
                messages, bytes / 1e6, bytes / 1e3 / messages, du(store.root()) / 1e6);

        List<String> lines = new ArrayList<>();
        double read = bestOf(rounds + 1, () -> {
            long t = System.nanoTime();
            long[] n = {0};
            source(state, store).forEach(m -> n[0] += m.size());
            return rate(n[0], t);
        });
        lines.add(String.format(Locale.ROOT, "read only (the ceiling): %.0f MB/s", read));
        double plain = bestOf(rounds, () -> plainFiles(state, store, dir.resolve("plain")));
        lines.add(String.format(Locale.ROOT, "plain file writes, one file per message (the file system's ceiling for"
                + " Maildir and eml): %.0f MB/s (%.0f files/s)", plain, plain * 1e6 / (bytes / (double) messages)));
        StringBuilder result = new StringBuilder("RESULT messages=" + messages + " mb=" + bytes / 1_000_000);
        for (Format format : Format.values()) {
            List<Double> mbs = new ArrayList<>();
            Path out = null;
            for (int r = 0; r < rounds; r++) {
                out = dir.resolve(format.label() + "-" + r);
                Exporter.Result res = Exporter.run(source(state, store), format, out, Spool.of(dir.resolve("data")),
                        BackfillProgress.NONE);
                mbs.add(res.megabytesPerSecond());
                if (r < rounds - 1) {
                    TempDirs.delete(out);
                }
            }
            mbs.sort(Comparator.naturalOrder());
            long[] count = {0};
            try (MessageSource back = Formats.open(out, Spool.of(dir.resolve("data")))) {
                back.forEach(m -> count[0]++);
            }
            if (count[0] != messages) {
                throw new IllegalStateException(format.label() + ": read back " + count[0] + " of " + messages);
            }
            double median = mbs.get(mbs.size() / 2);
            double best = mbs.get(mbs.size() - 1);
            lines.add(String.format(Locale.ROOT, "%-7s median %.0f MB/s (%.0f messages/s), best %.0f MB/s; %.1f MB"
                    + " on disk",
                    format.label(), median, median * 1e6 / (bytes / (double) messages), best, du(out) / 1e6));
            result.append(String.format(Locale.ROOT, " %s_mb_per_sec=%.0f %s_msgs_per_sec=%.0f", format.label(), median,
                    format.label(), median * 1e6 / (bytes / (double) messages)));
            TempDirs.delete(out);
        }
        lines.forEach(System.out::println);
        System.out.println(result.append(String.format(Locale.ROOT, " read_mb_per_sec=%.0f plain_files_mb_per_sec=%.0f",
                read, plain)));
    }

    private static long fill(TestState state, RawStore store, int messages) throws IOException {
        BenchMail mail = new BenchMail(Long.getLong("bench.seed", 42), Instant.parse("2026-11-01T00:00:00Z"));
        long bytes = 0;
        for (int i = 0; i < messages; i++) {
            BenchMail.Raw raw = mail.next(i);
            RawStore.Stored stored = store.put(raw.bytes());
            Set<String> flags = new HashSet<>();
            if (raw.seen()) {
                flags.add("seen");
            }
            if (raw.flagged()) {
                flags.add("flagged");
            }
            state.archive.add(new ArchivedLocation(ArchivedLocation.idOf(raw.account(), raw.folder(), 1, i + 1),
                    raw.account(), raw.folder(), 1, i + 1, stored.hash(), "", raw.bytes().length,
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i * 600L), flags, List.of(), Status.PRESENT,
                    Instant.now()));
            bytes += raw.bytes().length;
        }
        return bytes;
    }

    /** Every message written as a file of its own, nothing else: what the disk allows one writer. */
    private static double plainFiles(TestState state, RawStore store, Path dir) throws IOException {
        List<byte[]> all = new ArrayList<>();
        source(state, store).forEach(m -> all.add(((RawMessage.InMemory) m.raw()).bytes()));
        Files.createDirectories(dir);
        long t = System.nanoTime();
        long n = 0;
        for (int i = 0; i < all.size(); i++) {
            Files.write(dir.resolve(i + ".eml"), all.get(i));
            n += all.get(i).length;
        }
        double rate = rate(n, t);
        TempDirs.delete(dir);
        return rate;
    }

    private static MessageSource source(TestState state, RawStore store) {
        return new ArchiveSource(state.archive, store, ArchiveSource.all());
    }

    @FunctionalInterface
    private interface Round {
        double run() throws IOException;
    }

    private static double bestOf(int rounds, Round round) throws IOException {
        double best = 0;
        for (int i = 0; i < rounds; i++) {
            best = Math.max(best, round.run());
        }
        return best;
    }

    private static double rate(long bytes, long startedNanos) {
        return bytes / 1e6 / ((System.nanoTime() - startedNanos) / 1e9);
    }

    private static long du(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
