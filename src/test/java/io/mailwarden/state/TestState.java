package io.mailwarden.state;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The state store over a private in-memory H2 database (or a given JDBC URL), wired by hand: no
 * Quarkus boot. {@link #failOn} makes every statement whose SQL contains a fragment fail, to prove
 * what a failure in the middle of a transaction leaves behind.
 */
public final class TestState {

    final DataSource dataSource;
    final StateDb db;
    public final CheckpointStore checkpoints;
    public final ProcessedStore processed;
    public final AuditTrail audit;
    public final ScheduleProgressStore progress;
    public final ArchiveCatalog archive;
    public final LinkedFileStore linkedFiles;
    public final OutboxStore outbox;
    public final StateStore store;
    private volatile String failOn;

    public TestState() {
        this("jdbc:h2:mem:state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        store.migrate();
    }

    /**
     * The stores over an H2 database on disk under {@code dir}, migrated, on H2's plain file system: unlike the
     * daemon's ({@code retry:}), an interrupt there breaks the write under way, which shows whether anything
     * interrupts one.
     */
    public static TestState onDisk(java.nio.file.Path dir) {
        TestState s = new TestState("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath());
        s.store.migrate();
        return s;
    }

    /** The stores over the state database under {@code dataDir} as {@code application.yaml} configures it, migrated. */
    public static TestState configured(java.nio.file.Path dataDir) throws java.io.IOException {
        TestState s = new TestState(ConfiguredStateUrl.forDataDir(dataDir));
        s.store.migrate();
        return s;
    }

    /** The stores over {@code url}, not migrated. */
    TestState(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        dataSource = failing(h2);
        db = new StateDb(dataSource);
        checkpoints = new CheckpointStore(db);
        processed = new ProcessedStore(db);
        audit = new AuditTrail(db);
        progress = new ScheduleProgressStore(db);
        archive = new ArchiveCatalog(db);
        linkedFiles = new LinkedFileStore(db);
        outbox = new OutboxStore(db);
        Flyway flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
        store = new StateStore(db, flyway, checkpoints, processed);
    }

    /** From now on, statements whose SQL contains {@code fragment} fail ({@code null}: none do). */
    public void failOn(String fragment) {
        failOn = fragment;
    }

    private DataSource failing(JdbcDataSource h2) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, m, args) -> {
                    Object r = invoke(h2, m, args);
                    return r instanceof Connection c ? failing(c) : r;
                });
    }

    private Connection failing(Connection c) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, m, args) -> {
                    String fragment = failOn;
                    if (fragment != null && m.getName().equals("prepareStatement") && args[0] instanceof String sql
                            && sql.contains(fragment)) {
                        throw new SQLException("injected failure on " + fragment, "08006");
                    }
                    return invoke(c, m, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
