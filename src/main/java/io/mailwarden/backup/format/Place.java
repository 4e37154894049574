package io.mailwarden.backup.format;

import java.nio.file.Path;

/**
 * Where one folder of an export lives: an mbox file, a Maildir, or a directory of .eml files.
 *
 * @param location the file or directory
 * @param account the account the folder belongs to, empty when unknown
 * @param folder the folder, levels separated by {@code /}
 */
record Place(Path location, String account, String folder) {
}
