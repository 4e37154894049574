package io.mailwarden.backup.export;

import io.mailwarden.backup.BackupMessage;
import io.mailwarden.backup.MessageSource;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a source on a second thread while the caller writes: reading an archived message (gunzip) and
 * writing it out then overlap instead of taking turns. At most {@code budget} bytes and {@value #MAX_MESSAGES}
 * messages wait in between (a message bigger than the budget waits alone, whether in memory or spooled), so
 * memory and spool space stay bounded whatever the archive holds. Each message is closed once written;
 * those left waiting when the writing stops are closed too.
 */
final class ReadAhead implements MessageSource {

    static final int MAX_MESSAGES = 1024;
    private static final BackupMessage END = new BackupMessage("", "", new byte[0], Set.of(), null, "end");
    private static final int KB = 1024;

    private final MessageSource source;
    private final int budgetKb;

    ReadAhead(MessageSource source, long budget) {
        this.source = source;
        this.budgetKb = (int) Math.max(1, budget / KB);
    }

    @Override
    public long count() {
        return source.count();
    }

    @Override
    public void forEach(Sink sink) throws IOException {
        LinkedBlockingQueue<BackupMessage> queue = new LinkedBlockingQueue<>();
        Semaphore budget = new Semaphore(budgetKb);
        Semaphore room = new Semaphore(MAX_MESSAGES);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        Thread reader = Thread.ofPlatform().name("export-read-ahead").daemon().start(() -> {
            try {
                source.forEach(m -> {
                    budget.acquireUninterruptibly(permits(m));
                    room.acquireUninterruptibly();
                    if (stopped.get()) {
                        m.close();
                        throw new InterruptedIOException("export stopped");
                    }
                    queue.add(m);
                });
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                queue.add(END);
            }
        });
        try {
            for (BackupMessage m = take(queue); m != END; m = take(queue)) {
                try (BackupMessage written = m) {
                    sink.accept(written);
                }
                budget.release(permits(m));
                room.release();
            }
        } finally {
            stopped.set(true);
            budget.release(budgetKb); // lets a reader waiting for room see that it is to stop
            room.release(MAX_MESSAGES);
            join(reader);
            queue.forEach(BackupMessage::close);
        }
        if (failure.get() instanceof IOException e) {
            throw e;
        } else if (failure.get() != null) {
            throw new IOException("reading the messages failed: " + failure.get(), failure.get());
        }
    }

    private int permits(BackupMessage m) {
        return (int) Math.min(budgetKb, m.size() / KB + 1);
    }

    private static BackupMessage take(LinkedBlockingQueue<BackupMessage> queue) throws IOException {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while exporting");
        }
    }

    private static void join(Thread reader) {
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
