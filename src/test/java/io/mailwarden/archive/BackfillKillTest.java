package io.mailwarden.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mailwarden.archive.index.ArchiveIndex;
import io.mailwarden.archive.store.RawStore;
import io.mailwarden.state.ArchivedLocation;
import io.mailwarden.state.ContentHash;
import io.mailwarden.state.TestState;
import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backfill killed outright (SIGKILL) three times part way, then run to the end: every message of the folder
 * is archived once, whole, catalogued and indexed, with the real state store, raw store and index on disk.
 */
class BackfillKillTest {

    private static final String USER = "li.na@example.cn";
    private static final String PASSWORD = "pw";
    private static final int MESSAGES = 120;
    private static final int COPIES = 10; // the last ten are byte-for-byte copies of the first ten

    private final GreenMail greenMail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
    @TempDir
    Path data;

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    @Test
    void killedAnywhereTheBackfillResumesAndKeepsEveryMessageOnce() throws Exception {
        greenMail.start();
        greenMail.setUser(USER, USER, PASSWORD);
        List<byte[]> sent = new ArrayList<>();
        for (int i = 1; i <= MESSAGES - COPIES; i++) {
            sent.add(("From: vendor" + i + "@supplier.example\r\nTo: " + USER + "\r\nSubject: 订单 " + i
                    + "\r\nMessage-ID: <kill" + i + "@x>\r\n\r\n第" + i + "号订单 order " + i + "\r\n" + "line\r\n".repeat(i))
                    .getBytes(StandardCharsets.UTF_8));
        }
        sent.addAll(sent.subList(0, COPIES));
        for (byte[] raw : sent) {
            greenMail.getManagers().getImapHostManager().getInbox(greenMail.getUserManager().getUser(USER))
                    .appendMessage(new MimeMessage(null, new ByteArrayInputStream(raw)), new Flags(), new java.util.Date());
        }

        List<String> kills = new ArrayList<>();
        for (int after : new int[] {10, 30, 30}) {
            Process p = start();
            int archived = 0;
            try (BufferedReader out = p.inputReader()) {
                for (String line; archived < after && (line = out.readLine()) != null; ) {
                    archived += line.equals("archived") ? 1 : 0;
                }
                long jitter = ThreadLocalRandom.current().nextLong(25);
                Thread.sleep(jitter); // somewhere between two messages, or inside one
                p.toHandle().destroyForcibly();
                assertThat(p.waitFor()).as("killed before it finished").isEqualTo(137); // 128 + SIGKILL
                kills.add(archived + " messages + " + jitter + " ms");
            }
        }
        Process last = start();
        List<String> lines;
        try (BufferedReader out = last.inputReader()) {
            lines = out.lines().toList();
        }
        assertThat(last.waitFor()).as("the last run, after kills at %s: %s", kills, Files.readString(data.resolve("run.err")))
                .isZero();
        assertThat(lines).last().isEqualTo("done");

        TestState state = TestState.configured(data);
        RawStore store = new RawStore(data);
        List<ArchivedLocation> places = new ArrayList<>();
        state.archive.forEach(places::add);
        assertThat(places).as("one place per UID, after kills at %s", kills).hasSize(MESSAGES)
                .extracting(ArchivedLocation::uid).doesNotHaveDuplicates();
        for (byte[] raw : serverRaw()) {
            assertThat(store.read(ContentHash.of(raw))).as("stored byte for byte").isEqualTo(raw);
        }
        try (Stream<Path> files = Files.walk(data.resolve("messages"))) {
            List<String> names = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString()).toList();
            assertThat(names).as("each content once, no write left half done").hasSize(MESSAGES - COPIES)
                    .allMatch(n -> n.endsWith(".eml.gz"));
        }
        ArchiveIndex index = ArchiveIndex.open(data.resolve("lucene"), Duration.ofSeconds(30));
        try {
            Set<String> ids = index.ids();
            Set<String> catalogued = new HashSet<>();
            places.forEach(p -> catalogued.add(p.id()));
            assertThat(ids).isEqualTo(catalogued);
            ArchiveCheck.Report report = new ArchiveCheck(store, state.archive, RawStore.files(data), state.linkedFiles)
                    .verify(ids, null, true);
            assertThat(report.problems()).isEmpty();
        } finally {
            index.close();
        }
    }

    /** A backfill process, killed after two minutes at the latest so that a hung one cannot hang the build. */
    private Process start() throws Exception {
        Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), BackfillProcess.class.getName(),
                Integer.toString(greenMail.getImap().getPort()), USER, PASSWORD, data.toString())
                .redirectError(data.resolve("run.err").toFile()).start();
        CompletableFuture.runAsync(p.toHandle()::destroyForcibly, CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES));
        return p;
    }

    private List<byte[]> serverRaw() throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.imap.partialfetch", "false");
        var imap = Session.getInstance(p).getStore("imap");
        imap.connect("127.0.0.1", greenMail.getImap().getPort(), USER, PASSWORD);
        try {
            return ArchiveHarness.raw(imap.getFolder("INBOX"));
        } finally {
            imap.close();
        }
    }
}
