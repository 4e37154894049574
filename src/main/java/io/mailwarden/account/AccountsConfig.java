package io.mailwarden.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The mailboxes mailwarden watches: {@code mailwarden.accounts.NAME.*}. */
@ConfigMapping(prefix = "mailwarden")
public interface AccountsConfig {

    /** Accounts by name; the name appears in rules ({@code accounts:}), logs and the audit trail. */
    Map<String, Account> accounts();

    /** One account. */
    interface Account {

        /** Server preset: exmail, exmail-overseas, qq, gmail, outlook, or custom (give imap and smtp yourself). */
        @WithDefault("custom")
        String provider();

        /** Login name: the full address on Exmail. */
        String username();

        /** Name of the environment variable holding the password (Exmail: the client-specific password). */
        @WithName("password-env")
        Optional<String> passwordEnv();

        /** File holding the password on its first line (e.g. a container secret); owner-only permissions advised. */
        @WithName("password-file")
        Optional<Path> passwordFile();

        /** IMAP server; overrides the preset. */
        Server imap();

        /** SMTP server; overrides the preset. */
        Server smtp();

        /** PEM file of certificates to trust (private CA or self-signed server); the system trust store otherwise. */
        @WithName("trust-pem")
        Optional<Path> trustPem();

        /** Folders watched with IDLE, one connection each (globs allowed). */
        @WithName("idle-folders")
        @WithDefault("INBOX")
        List<String> idleFolders();

        /** Folders polled on a schedule instead (globs allowed). */
        @WithName("poll-folders")
        Optional<List<String>> pollFolders();

        /** How often polled folders are checked. */
        @WithName("poll-interval")
        @WithDefault("5m")
        Duration pollInterval();

        /** IDLE is renewed after this long (Exmail drops it after about five minutes). */
        @WithName("idle-renew")
        @WithDefault("4m")
        Duration idleRenew();

        /**
         * The account's own mail address: From (and the SMTP sender) of the replies and forwards it sends.
         * The login when absent (the full address on Exmail, whose SMTP refuses any other sender).
         */
        Optional<String> address();

        /**
         * Folder a copy of every sent reply and forward is appended to over IMAP; none when absent, since
         * Exmail, Gmail and Outlook already keep SMTP mail in their sent folder.
         */
        @WithName("sent-folder")
        Optional<String> sentFolder();

        /**
         * Folders (globs) whose mail the archive keeps: {@code *} matches within one folder level, {@code **}
         * across levels; every folder by default.
         */
        @WithName("archive-folders")
        @WithDefault("**")
        List<String> archiveFolders();

        /** Send the IMAP ID command after login where the server advertises ID. */
        @WithName("send-id")
        @WithDefault("true")
        boolean sendId();
    }

    /** Where a server is and how to talk to it. */
    interface Server {

        /** Host name; the preset's when absent. */
        Optional<String> host();

        /** Port; the preset's when absent. */
        Optional<Integer> port();

        /** implicit (TLS from the start), starttls, or none (plain text: only when written out). */
        Optional<String> tls();
    }
}
