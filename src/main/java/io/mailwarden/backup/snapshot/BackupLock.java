package io.mailwarden.backup.snapshot;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** One snapshot or prune at a time per backup directory, across processes (the daemon's job and {@code backup now}). */
final class BackupLock implements AutoCloseable {

    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private BackupLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static BackupLock acquire(Path backupDir) throws IOException {
        FileChannel ch = FileChannel.open(backupDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw new SnapshotException("another snapshot is being taken or pruned in " + backupDir + "; try again when it is done");
        }
        return new BackupLock(ch, lock);
    }

    @Override
    public void close() throws IOException {
        try (channel) {
            lock.release();
        }
    }
}
