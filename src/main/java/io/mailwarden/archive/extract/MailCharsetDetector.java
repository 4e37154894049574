package io.mailwarden.archive.extract;

import io.mailwarden.message.parse.Charsets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Arrays;
import org.apache.tika.detect.DefaultEncodingDetector;
import org.apache.tika.detect.EncodingDetector;
import org.apache.tika.metadata.Metadata;

/**
 * Picks the charset of text content for Tika's text, CSV and HTML parsers. A declared label comes
 * first (widened the way mail needs it: GB2312 read as GB18030, Big5 as Windows-950), then Tika's own
 * detection (HTML meta tags, juniversalchardet, ICU), widened likewise. A candidate is taken only when a
 * sample of the bytes is valid in it; when none is, the mail parser's GB/Big5 heuristic decides.
 */
final class MailCharsetDetector implements EncodingDetector {

    /** Metadata key holding the charset label declared by the MIME part; set on the attachment only. */
    static final String DECLARED = "mailwarden:declared-charset";
    private static final int SAMPLE = 64 * 1024;

    private final EncodingDetector tika = new DefaultEncodingDetector();

    @Override
    public Charset detect(InputStream in, Metadata metadata) throws IOException {
        if (in == null) {
            return null;
        }
        byte[] sample = sample(in);
        Charset declared = Charsets.forLabel(metadata.get(DECLARED));
        if (declared != null && Charsets.strict(sample, declared) != null) {
            return declared;
        }
        Charset detected = tika.detect(in, metadata);
        Charset widened = detected == null ? null : Charsets.forLabel(detected.name());
        if (widened != null && Charsets.strict(sample, widened) != null) {
            return widened;
        }
        return Charsets.guess(sample);
    }

    /**
     * The first bytes; when the content goes on, cut after the last byte below 0x30 (a space, a line
     * break, punctuation), which is never part of a GBK, Big5, GB18030 or UTF-8 character, so that the
     * sample does not end inside one.
     */
    private static byte[] sample(InputStream in) throws IOException {
        in.mark(SAMPLE + 1);
        byte[] buf;
        try {
            buf = in.readNBytes(SAMPLE + 1);
        } finally {
            in.reset();
        }
        if (buf.length <= SAMPLE) {
            return buf;
        }
        int end = SAMPLE;
        while (end > 0 && (buf[end - 1] & 0xFF) >= 0x30) {
            end--;
        }
        return Arrays.copyOf(buf, end == 0 ? SAMPLE : end);
    }
}
