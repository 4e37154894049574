package io.mailwarden.archive.extract;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.Parser;

/**
 * The Tika pieces shared by every extraction: built once (loading Tika's configuration takes a while),
 * stateless and thread-safe afterwards.
 *
 * @param parser parses any detected type
 * @param detector detects the media type from the bytes (magic, container structure), names only refining
 * @param charsets charset detection for text, CSV and HTML
 */
record TikaParts(Parser parser, Detector detector, MailCharsetDetector charsets) {

    static TikaParts load() {
        TikaConfig config = TikaConfig.getDefaultConfig();
        return new TikaParts(new AutoDetectParser(config), config.getDetector(), new MailCharsetDetector());
    }
}
