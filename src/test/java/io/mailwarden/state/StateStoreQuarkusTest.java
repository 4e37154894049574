package io.mailwarden.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The beans as the daemon gets them: the configured H2 file under the data directory, migrated on demand. */
@QuarkusTest
@TestProfile(StateStoreQuarkusTest.DataDir.class)
class StateStoreQuarkusTest {

    /** A data directory of this test run only. */
    public static class DataDir implements QuarkusTestProfile {
        static final Path DIR = Path.of("target/test-data/state-" + ProcessHandle.current().pid()).toAbsolutePath();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mailwarden.data-dir", DIR.toString());
        }
    }

    @Inject
    StateStore store;

    @Inject
    CheckpointStore checkpoints;

    @Inject
    ProcessedStore processed;

    @Inject
    AuditTrail audit;

    @Test
    void daemonMigratesTheDatabaseUnderTheDataDirOnceAndCompletesMessages() throws java.io.IOException {
        // a developer who ran the demo has a database in the default data dir: it must stay as it was
        Path defaultDb = Path.of("index/state/mailwarden.mv.db");
        Object before = Files.exists(defaultDb) ? Files.getLastModifiedTime(defaultDb) : null;
        assertThat(store.migrate()).isEqualTo(StateStoreTest.MIGRATIONS);
        assertThat(store.migrate()).as("idempotent").isZero();
        assertThat(DataDir.DIR.resolve("state/mailwarden.mv.db")).isRegularFile();

        MessageKey key = new MessageKey("a@corp.example", "其他文件夹/财务", 7, 42);
        String hash = ContentHash.of(new byte[] {42});
        store.completeMessage(key, "<m@x>", hash, 42);
        audit.record(new AuditEntry(null, key.account(), key.folder(), key.uid(), "<m@x>", "r", "flag", "DONE", null));

        assertThat(processed.alreadyDone("a@corp.example", "<m@x>", hash)).isTrue();
        assertThat(checkpoints.find(key.account(), key.folder())).get().extracting(Checkpoint::lastUid).isEqualTo(42L);
        assertThat(audit.recent(1)).extracting(AuditEntry::action).containsExactly("flag");
        Object after = Files.exists(defaultDb) ? Files.getLastModifiedTime(defaultDb) : null;
        assertThat(after).as("the default data dir is untouched").isEqualTo(before);
    }
}
