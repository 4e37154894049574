package io.mailwarden.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    private static final String HASH = ContentHash.of(new byte[] {1, 2, 3});
    private static final MessageKey KEY = new MessageKey("a@corp.example", "INBOX", 7, 42);

    @TempDir
    Path tmp;

    /** How many migrations the code ships, counted from the resources so that a new one needs no edit here. */
    static final int MIGRATIONS;

    static {
        try (var files = java.nio.file.Files.list(Path.of("src/main/resources/db/migration"))) {
            MIGRATIONS = (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void completeMessageMarksDoneAndAdvancesTheCheckpoint() {
        TestState state = new TestState();
        state.checkpoints.save("a@corp.example", "INBOX", 7, 41);
        state.store.completeMessage(KEY, "<m@x>", HASH, 42);
        assertThat(state.processed.find(KEY).orElseThrow().outcome()).isEqualTo(Outcome.DONE);
        assertThat(state.checkpoints.find("a@corp.example", "INBOX").orElseThrow().lastUid()).isEqualTo(42);
    }

    @Test
    void completeMessageWritesNothingWhenTheCheckpointWriteFails() {
        TestState state = new TestState();
        state.checkpoints.save("a@corp.example", "INBOX", 7, 41);
        state.failOn("UPDATE checkpoint");
        assertThatThrownBy(() -> state.store.completeMessage(KEY, "<m@x>", HASH, 42))
                .isInstanceOf(StateException.class)
                .hasMessageContaining("account a@corp.example, folder INBOX");
        state.failOn(null);
        assertThat(state.processed.find(KEY)).as("markDone rolled back").isEmpty();
        assertThat(state.processed.alreadyDone("a@corp.example", "<m@x>", HASH)).isFalse();
        assertThat(state.checkpoints.find("a@corp.example", "INBOX").orElseThrow().lastUid()).isEqualTo(41);
    }

    @Test
    void inTransactionRollsBackEveryWriteWhenTheWorkThrows() {
        TestState state = new TestState();
        assertThatThrownBy(() -> state.store.inTransaction(() -> {
            state.processed.markDone(KEY, "<m@x>", HASH);
            state.checkpoints.save("a@corp.example", "INBOX", 7, 42);
            throw new IllegalStateException("crash between the writes");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(state.processed.find(KEY)).isEmpty();
        assertThat(state.checkpoints.find("a@corp.example", "INBOX")).isEmpty();
        state.store.inTransaction(() -> state.checkpoints.save("a@corp.example", "INBOX", 7, 5));
        assertThat(state.checkpoints.find("a@corp.example", "INBOX")).isPresent();
    }

    @Test
    void migrationsApplyOnAFreshDatabaseAndAreIdempotentOnRestart() throws SQLException {
        String url = "jdbc:h2:file:" + tmp.resolve("state/mailwarden");
        TestState first = new TestState(url);
        assertThat(first.store.migrate()).isEqualTo(MIGRATIONS);
        first.store.completeMessage(KEY, "<m@x>", HASH, 42);
        first.audit.record(new AuditEntry(null, "a@corp.example", "INBOX", 42, "<m@x>", "r", "flag", "DONE", null));
        shutdown(first);

        TestState restarted = new TestState(url);
        assertThat(restarted.store.migrate()).isZero();
        assertThat(restarted.store.migrate()).isZero();
        assertThat(restarted.checkpoints.find("a@corp.example", "INBOX").orElseThrow().lastUid()).isEqualTo(42);
        assertThat(restarted.processed.alreadyDone("a@corp.example", "<m@x>", HASH)).isTrue();
        assertThat(restarted.audit.recent(5)).hasSize(1);
        try (Connection c = restarted.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).as("versioned migrations recorded once").isEqualTo(MIGRATIONS);
        }
        shutdown(restarted);
    }

    @Test
    void relativeDataDirWorksInTheConfiguredUrlForm() throws SQLException {
        // application.yaml builds the URL as ${mailwarden.data-dir}/./state/mailwarden: H2 refuses an
        // implicitly relative path such as index/state/mailwarden, and accepts one holding "./"
        String dir = "target/test-data/relative-" + ProcessHandle.current().pid();
        TestState state = new TestState("jdbc:h2:file:" + dir + "/./state/mailwarden");
        assertThat(state.store.migrate()).isEqualTo(MIGRATIONS);
        shutdown(state);
        assertThat(Path.of(dir, "state/mailwarden.mv.db")).isRegularFile();
    }

    @Test
    void unmigratedDatabaseGivesAStateExceptionThatSaysWhatToDo() {
        TestState state = new TestState("jdbc:h2:mem:unmigrated;DB_CLOSE_DELAY=-1");
        assertThatThrownBy(() -> state.checkpoints.find("a@corp.example", "INBOX"))
                .isInstanceOf(StateException.class)
                .hasMessage("state store: could not read the checkpoint of account a@corp.example, folder INBOX"
                        + " (the schema is missing or out of date: run the daemon once to migrate it)");
    }

    private static void shutdown(TestState state) throws SQLException {
        try (Connection c = state.dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }
}
