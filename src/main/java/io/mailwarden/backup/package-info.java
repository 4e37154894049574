/**
 * Backups: exports to standard formats, restores into IMAP accounts, imports, and snapshots of the data
 * directory. Downstream of the archive: it reads the archive, the archive never imports it.
 */
package io.mailwarden.backup;
