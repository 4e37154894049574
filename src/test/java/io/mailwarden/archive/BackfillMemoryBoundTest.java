package io.mailwarden.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.RawMessage;
import io.mailwarden.state.ArchivedLocation;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The backfill's memory bound: a message bigger than two batches is never in memory beside others. */
class BackfillMemoryBoundTest {

    private static final int BATCH_BYTES = 8 * 1024;

    @RegisterExtension
    final ArchiveHarness h = new ArchiveHarness();

    @Test
    void worksAMessageBiggerThanTwoBatchesAlone() throws Exception {
        for (int i = 0; i < 4; i++) {
            h.append("INBOX", ArchiveBackfillTest.plain("<before" + i + "@x>", "before " + i, "small"));
        }
        h.append("INBOX", ArchiveBackfillTest.plain("<big@x>", "big", "x".repeat(4 * BATCH_BYTES)));
        for (int i = 0; i < 4; i++) {
            h.append("INBOX", ArchiveBackfillTest.plain("<after" + i + "@x>", "after " + i, "small"));
        }
        Watching watching = new Watching();
        h.reopen(real -> watching.wrap(real));

        Backfill.Result r = h.backfill(new Backfill.Options(2, BATCH_BYTES, 2));

        assertThat(r.archived()).isEqualTo(9);
        assertThat(watching.bigSeen).isTrue();
        assertThat(watching.overlapped).as("another message was worked while the big one was").isFalse();
    }

    /** Notes whether any message is indexed while the big one is (which is held back a little). */
    private static final class Watching {
        final AtomicInteger active = new AtomicInteger();
        final AtomicBoolean bigRunning = new AtomicBoolean();
        volatile boolean bigSeen;
        volatile boolean overlapped;

        /** Only {@code index} is watched; everything else goes straight to {@code real}. */
        Indexer wrap(Indexer real) {
            return (Indexer) Proxy.newProxyInstance(Indexer.class.getClassLoader(), new Class<?>[] {Indexer.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("index")) {
                            index(real, (ArchivedLocation) args[0], (RawMessage) args[1]);
                            return null;
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private void index(Indexer real, ArchivedLocation place, RawMessage raw) throws IOException {
            boolean big = raw.size() > 2 * BATCH_BYTES;
            int now = active.incrementAndGet();
            try {
                if (big) {
                    bigSeen = true;
                    bigRunning.set(true);
                    overlapped |= now > 1;
                    sleep(); // time for a next batch to slip in, were it fetched meanwhile
                } else {
                    overlapped |= bigRunning.get();
                }
                real.index(place, raw);
            } finally {
                if (big) {
                    overlapped |= active.get() > 1;
                    bigRunning.set(false);
                }
                active.decrementAndGet();
            }
        }

        private static void sleep() throws IOException {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
    }
}
