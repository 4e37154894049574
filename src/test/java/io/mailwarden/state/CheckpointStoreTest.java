package io.mailwarden.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckpointStoreTest {

    private final TestState state = new TestState();
    private final CheckpointStore checkpoints = state.checkpoints;

    @Test
    void unknownFolderHasNoCheckpoint() {
        assertThat(checkpoints.find("a@corp.example", "INBOX")).isEmpty();
    }

    @Test
    void checkpointIsCreatedThenAdvanced() {
        checkpoints.save("a@corp.example", "INBOX", 7, 10);
        checkpoints.save("a@corp.example", "INBOX", 7, 15);
        Checkpoint cp = checkpoints.find("a@corp.example", "INBOX").orElseThrow();
        assertThat(cp.uidValidity()).isEqualTo(7);
        assertThat(cp.lastUid()).isEqualTo(15);
        assertThat(cp.updatedAt()).isNotNull();
    }

    @Test
    void checkpointNeverMovesBackwards() {
        checkpoints.save("a@corp.example", "INBOX", 7, 15);
        checkpoints.save("a@corp.example", "INBOX", 7, 12);
        checkpoints.save("a@corp.example", "INBOX", 7, 15);
        assertThat(checkpoints.find("a@corp.example", "INBOX").orElseThrow().lastUid()).isEqualTo(15);
    }

    @Test
    void newUidValidityReplacesTheCheckpointEvenWithALowerUid() {
        checkpoints.save("a@corp.example", "INBOX", 7, 1500);
        checkpoints.save("a@corp.example", "INBOX", 8, 3);
        Checkpoint cp = checkpoints.find("a@corp.example", "INBOX").orElseThrow();
        assertThat(cp.uidValidity()).isEqualTo(8);
        assertThat(cp.lastUid()).isEqualTo(3);
    }

    @Test
    void checkpointsAreKeptPerAccountAndFolder() {
        checkpoints.save("a@corp.example", "INBOX", 7, 10);
        checkpoints.save("a@corp.example", "其他文件夹/财务", 9, 20);
        checkpoints.save("b@corp.example", "INBOX", 11, 30);
        assertThat(checkpoints.find("a@corp.example", "INBOX").orElseThrow().lastUid()).isEqualTo(10);
        assertThat(checkpoints.find("a@corp.example", "其他文件夹/财务").orElseThrow().lastUid()).isEqualTo(20);
        assertThat(checkpoints.find("b@corp.example", "INBOX").orElseThrow().uidValidity()).isEqualTo(11);
    }

    @Test
    void sqlErrorBecomesStateExceptionNamingAccountAndFolderWithoutSql() {
        state.failOn("checkpoint");
        assertThatThrownBy(() -> checkpoints.save("a@corp.example", "INBOX", 7, 10))
                .isInstanceOf(StateException.class)
                .hasMessage("state store: could not save the checkpoint of account a@corp.example, folder INBOX"
                        + " (the database cannot be reached)")
                .hasMessageNotContaining("SELECT").hasMessageNotContaining("injected");
    }
}
