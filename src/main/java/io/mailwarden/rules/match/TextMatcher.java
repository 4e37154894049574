package io.mailwarden.rules.match;

import io.mailwarden.plugin.Facts;

/** A compiled test on a piece of text (a subject, an address, a file name). */
public interface TextMatcher {

    /** @param facts the evaluation's caches (lower-cased text), or null outside an evaluation */
    boolean test(String value, Facts facts);

    /** The test in words: {@code contains "发票"}. */
    String describe();
}
