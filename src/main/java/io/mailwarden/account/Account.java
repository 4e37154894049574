package io.mailwarden.account;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An account with its configuration resolved and checked: presets applied, password read.
 *
 * @param name the configured name
 * @param provider the preset
 * @param username the login
 * @param password the password; {@link Secret#toString()} never shows it
 * @param imap the IMAP endpoint
 * @param smtp the SMTP endpoint
 * @param trustPem extra certificates to trust, or null
 * @param idleFolders folders (or globs) watched with IDLE
 * @param pollFolders folders (or globs) polled
 * @param pollInterval poll period
 * @param idleRenew IDLE renewal period
 * @param sendId whether to send IMAP ID where advertised
 * @param address the account's own mail address (From of the mail it sends), or null when unknown
 * @param sentFolder the folder a copy of sent automatic mail is appended to, or null for none
 * @param archiveFolders folders (globs) whose mail the archive keeps
 */
public record Account(String name, Provider provider, String username, Secret password, Endpoint imap, Endpoint smtp,
        Path trustPem, List<String> idleFolders, List<String> pollFolders, Duration pollInterval, Duration idleRenew,
        boolean sendId, String address, String sentFolder, List<String> archiveFolders) {

    /** Every folder archived: {@code **}, the default of {@code archive-folders}. */
    public static final List<String> ALL_FOLDERS = List.of("**");

    /** An account archiving every folder. */
    public Account(String name, Provider provider, String username, Secret password, Endpoint imap, Endpoint smtp,
            Path trustPem, List<String> idleFolders, List<String> pollFolders, Duration pollInterval, Duration idleRenew,
            boolean sendId, String address, String sentFolder) {
        this(name, provider, username, password, imap, smtp, trustPem, idleFolders, pollFolders, pollInterval,
                idleRenew, sendId, address, sentFolder, ALL_FOLDERS);
    }

    /** An account whose address is its login (when that is an address) and that keeps no copy of sent mail. */
    public Account(String name, Provider provider, String username, Secret password, Endpoint imap, Endpoint smtp,
            Path trustPem, List<String> idleFolders, List<String> pollFolders, Duration pollInterval, Duration idleRenew,
            boolean sendId) {
        this(name, provider, username, password, imap, smtp, trustPem, idleFolders, pollFolders, pollInterval,
                idleRenew, sendId, username.contains("@") ? username : null, null);
    }

    /** A password that stays out of logs and toString. */
    public record Secret(String value) {
        @Override
        public String toString() {
            return "********";
        }
    }
}
