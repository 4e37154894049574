package io.mailwarden.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state store as {@code application.yaml} configures it keeps every commit it acknowledged: through a
 * process killed outright, and through threads interrupted while they write.
 */
class StateDurabilityTest {

    static final String ACCOUNT = "a@corp.example";
    private static final long SAVES_BEFORE_THE_KILL = 1_000;

    @TempDir
    Path dir;

    @Test
    void aCheckpointSavedBeforeTheProcessIsKilledIsThereAfterTheRestart() throws Exception {
        String url = ConfiguredStateUrl.forDataDir(dir);
        Path errors = dir.resolve("writer.err");
        Process writer = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-cp",
                System.getProperty("java.class.path"), CheckpointWriter.class.getName(), url)
                .redirectError(errors.toFile()).start();
        // it writes until killed: kill it after two minutes at the latest, whatever happens to this test
        CompletableFuture.runAsync(writer.toHandle()::destroyForcibly, CompletableFuture.delayedExecutor(2, TimeUnit.MINUTES));
        long acknowledged = 0;
        try (BufferedReader out = writer.inputReader()) {
            for (String line; acknowledged < SAVES_BEFORE_THE_KILL && (line = out.readLine()) != null; ) {
                acknowledged = Long.parseLong(line);
            }
            // another process reads it meanwhile, as a command does while the daemon runs (AUTO_SERVER)
            long seen = new TestState(url).checkpoints.find(ACCOUNT, "INBOX").orElseThrow().lastUid();
            assertThat(seen).isGreaterThanOrEqualTo(acknowledged);
            // SIGKILL: no shutdown hook, no close, nothing flushed on the way out (the handle's kill leaves
            // the pipe open, so what the writer printed last can still be read)
            writer.toHandle().destroyForcibly();
            writer.waitFor();
            // what it printed before it died had been saved too
            for (String line; (line = out.readLine()) != null; ) {
                acknowledged = Long.parseLong(line);
            }
        } finally {
            // also when a check above failed: a writer left running writes into the directory JUnit deletes
            writer.toHandle().destroyForcibly();
            writer.waitFor();
        }
        assertThat(acknowledged).as("the writer's errors: %s", Files.readString(errors))
                .isGreaterThanOrEqualTo(SAVES_BEFORE_THE_KILL);

        TestState restarted = new TestState(url);
        assertThat(restarted.checkpoints.find(ACCOUNT, "INBOX").orElseThrow().lastUid()).isGreaterThanOrEqualTo(acknowledged);
        shutdown(restarted);
    }

    @Test
    void interruptingAWritingThreadLosesNoCommitOfItsOwnOrOfOthers() throws Exception {
        String url = ConfiguredStateUrl.forDataDir(dir);
        TestState state = TestState.configured(dir);
        Connection held = state.dataSource.getConnection(); // keeps the database open, as the daemon's pool does
        AtomicLong acknowledged = new AtomicLong();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread writer = new Thread(() -> {
            for (long uid = 1; uid <= 2_000; uid++) {
                try {
                    state.checkpoints.save(ACCOUNT, "INBOX", 7, uid);
                    acknowledged.set(uid);
                } catch (RuntimeException e) {
                    failures.add(e);
                    return; // a store that failed once fails every later save: one is enough to know
                }
            }
        });
        writer.start();
        while (writer.isAlive()) {
            writer.interrupt(); // as an executor's shutdownNow or a cancelled future does
            Thread.sleep(1);
        }
        state.checkpoints.save("b@corp.example", "INBOX", 7, 99);
        shutdown(state);
        held.close();

        assertThat(failures).isEmpty();
        TestState restarted = new TestState(url);
        assertThat(restarted.checkpoints.find(ACCOUNT, "INBOX").orElseThrow().lastUid()).isEqualTo(acknowledged.get());
        assertThat(restarted.checkpoints.find("b@corp.example", "INBOX").orElseThrow().lastUid()).isEqualTo(99);
        shutdown(restarted);
    }

    private static void shutdown(TestState state) throws SQLException {
        try (Connection c = state.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
