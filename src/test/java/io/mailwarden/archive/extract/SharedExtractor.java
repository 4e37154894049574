package io.mailwarden.archive.extract;

/**
 * One extractor with the default limits for all the tests, as in the daemon: loading Tika once saves
 * seconds per test class. Never closed: its threads are daemons and end when idle.
 */
final class SharedExtractor {

    static final TextExtractor DEFAULT = new TextExtractor(ExtractLimits.defaults());

    private SharedExtractor() {
    }
}
