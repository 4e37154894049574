package io.mailwarden.state;

/**
 * A process that saves ever higher checkpoints into the state store at the URL it is given, printing each UID
 * once its save has returned, until it is killed: {@link StateDurabilityTest} kills it with SIGKILL.
 */
public final class CheckpointWriter {

    /**
     * Keeps the database open, as the daemon's pool does. A field: a local the loop never reads again may be
     * collected, and H2 closes a connection it finds collected, and the database with its last connection; each
     * save then opened the database again, and a reader in another process found its lock file ever changing.
     */
    private static java.sql.Connection held;

    private CheckpointWriter() {
    }

    public static void main(String[] args) throws java.sql.SQLException {
        TestState state = new TestState(args[0]);
        state.store.migrate();
        held = state.dataSource.getConnection();
        for (long uid = 1; ; uid++) {
            state.checkpoints.save(StateDurabilityTest.ACCOUNT, "INBOX", 7, uid);
            System.out.println(uid);
            System.out.flush();
        }
    }
}
