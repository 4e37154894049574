/**
 * Moving messages between the archive and files in the standard formats: {@code mailwarden export} and
 * {@code mailwarden import}. The formats themselves are in {@code io.mailwarden.backup.format}.
 */
package io.mailwarden.backup.export;
