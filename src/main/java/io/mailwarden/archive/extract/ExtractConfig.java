package io.mailwarden.archive.extract;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** Limits of attachment text extraction: {@code mailwarden.archive.extract.*}. */
@ConfigMapping(prefix = "mailwarden.archive.extract")
public interface ExtractConfig {

    /** How long the text of one attachment may take, documents inside it included. Above zero. */
    @WithDefault("30s")
    Duration timeout();

    /** The most characters of text kept per attachment; the rest is dropped and marked truncated. */
    @WithName("max-chars")
    @WithDefault("1000000")
    int maxChars();

    /** How deep documents inside documents are read; 1 reads the attachment itself only. */
    @WithName("max-depth")
    @WithDefault("3")
    int maxDepth();

    /** The most bytes unpacked from archives and embedded documents of one attachment (zip bombs stop here). */
    @WithName("max-expanded-bytes")
    @WithDefault("104857600")
    long maxExpandedBytes();

    /** Whether the entries of an attached archive are read (one level deep: never an archive in an archive). */
    @WithName("zip-contents")
    @WithDefault("true")
    boolean zipContents();

    /** The limits these settings make; a bad value is named with its key. */
    default ExtractLimits limits() {
        try {
            return new ExtractLimits(timeout(), maxChars(), maxDepth(), maxExpandedBytes(), zipContents());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mailwarden.archive.extract." + e.getMessage(), e);
        }
    }
}
