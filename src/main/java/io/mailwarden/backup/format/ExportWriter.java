package io.mailwarden.backup.format;

import io.mailwarden.backup.BackupMessage;
import java.io.Closeable;
import java.io.IOException;

/** Writes messages into an export; closing it finishes the files and the manifest. */
public interface ExportWriter extends Closeable {

    /** Adds {@code message} to its account's folder in the export. */
    void write(BackupMessage message) throws IOException;
}
