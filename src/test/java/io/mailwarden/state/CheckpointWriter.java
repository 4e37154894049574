package io.mailwarden.state;

/**
 * A process that saves ever higher checkpoints into the state store at the URL it is given, printing each UID
 * once its save has returned, until it is killed: {@link StateDurabilityTest} kills it with SIGKILL.
 */
public final class CheckpointWriter {

    private CheckpointWriter() {
    }

    public static void main(String[] args) throws java.sql.SQLException {
        TestState state = new TestState(args[0]);
        state.store.migrate();
        state.dataSource.getConnection(); // held open to the end: keeps the database open, as the daemon's pool does
        for (long uid = 1; ; uid++) {
            state.checkpoints.save(StateDurabilityTest.ACCOUNT, "INBOX", 7, uid);
            System.out.println(uid);
            System.out.flush();
        }
    }
}
