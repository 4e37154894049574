package io.mailwarden.archive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings of the archive: {@code mailwarden.archive.*}. Which folders an account archives is {@code mailwarden.accounts.NAME.archive-folders}. */
@ConfigMapping(prefix = "mailwarden.archive")
public interface ArchiveConfig {

    /** Whether the daemon archives mail at all (new mail, and a backfill of existing mail at its first start). */
    @WithDefault("true")
    boolean enabled();

    /** The index is committed to disk this often (and at shutdown); a message is searchable long before, within a second. */
    @WithName("commit-interval")
    @WithDefault("30s")
    Duration commitInterval();

    /** How often the daemon reads archived folders for mail that no watcher saw (folders not idled or polled). */
    @WithName("sync-interval")
    @WithDefault("15m")
    Duration syncInterval();

    /** How the backfill reads and works. */
    Backfill backfill();

    /** Limits of attachment text extraction. */
    Extract extract();

    /** The files messages link to instead of attaching them (Exmail's 文件中转站 sends files over 50 MB so). */
    @WithName("linked-files")
    LinkedFiles linkedFiles();

    /** Backfill settings. */
    interface Backfill {
        /** Messages per UID FETCH. */
        @WithName("batch-messages")
        @WithDefault("200")
        int batchMessages();

        /** Bytes per UID FETCH (a bigger message is fetched alone); bounds memory with the two batches in flight. */
        @WithName("batch-bytes")
        @WithDefault("16M")
        String batchBytes();

        /** Threads that parse, extract and index; the number of processors when absent. */
        Optional<Integer> workers();
    }

    /** Downloading linked files before their links expire (about 30 days after sending, on Exmail). */
    interface LinkedFiles {
        /** Whether the daemon downloads linked files and indexes them with their message. */
        @WithDefault("true")
        boolean enabled();

        /** Hosts (with their subdomains) whose links are followed; a link to any other host in a message is left alone. */
        @WithDefault("qq.com")
        List<String> hosts();

        /** The biggest file downloaded; a bigger one is recorded as not downloaded. Exmail takes files up to 2 GB. */
        @WithName("max-size")
        @WithDefault("2G")
        String maxSize();

        /** How long connecting, an answer, or a stalled download may take before the attempt fails (and is retried). */
        @WithDefault("60s")
        Duration timeout();

        /** How often the daemon looks for downloads that are due. */
        @WithName("check-interval")
        @WithDefault("1m")
        Duration checkInterval();
    }

    /** Extraction limits. */
    interface Extract {
        /** Longest time one attachment's extraction may take; past it the attachment is recorded as timed out. */
        @WithDefault("30s")
        Duration timeout();

        /** Characters kept per attachment; the rest is dropped and the attachment recorded as truncated. */
        @WithName("max-chars")
        @WithDefault("1000000")
        int maxChars();

        /** How deep documents inside documents (mail in mail, files in a zip) are opened. */
        @WithName("max-depth")
        @WithDefault("3")
        int maxDepth();

        /** Bytes an attachment may expand to when unpacked (zip bombs stop here). */
        @WithName("max-expanded")
        @WithDefault("100M")
        String maxExpanded();

        /** Whether the files inside zip attachments are extracted (one level deep). */
        @WithName("zip-contents")
        @WithDefault("true")
        boolean zipContents();

        /**
         * Characters kept from all the attachments of one message together; past it the rest are recorded as
         * truncated (zips expand a thousandfold: without it a message of many small ones fills the heap).
         */
        @WithName("max-message-chars")
        @WithDefault("4000000")
        long maxMessageChars();

        /** Longest time the attachments of one message may take together; the ones left are recorded as timed out. */
        @WithName("message-timeout")
        @WithDefault("5m")
        Duration messageTimeout();
    }
}
