package io.mailwarden.archive.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.CompositeDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.detect.zip.DefaultZipContainerDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;

/**
 * The Tika pieces shared by every extraction: built once (loading Tika's configuration takes a while),
 * stateless and thread-safe afterwards.
 *
 * <p>Detection is costly (magic patterns, opening zip containers) and {@link AutoDetectParser} detects
 * again what the caller just detected: the {@code detector} notes its answer in the metadata, and the
 * parser takes it from there as long as the content type in the metadata is still that answer.
 *
 * @param parser parses any detected type
 * @param detector detects the media type from the bytes (magic, container structure), names only refining
 * @param charsets charset detection for text, CSV and HTML
 */
record TikaParts(Parser parser, Detector detector, MailCharsetDetector charsets) {

    /** Metadata key: the type {@link #detector()} found for this document. */
    private static final String DETECTED = "mailwarden:detected-type";
    private static final String SAX_FACTORY = "javax.xml.parsers.SAXParserFactory";

    static TikaParts load() {
        // POI's xmlbeans asks for a SAX factory per DOCX part: unnamed, that is a class path scan each time
        if (System.getProperty(SAX_FACTORY) == null) {
            System.setProperty(SAX_FACTORY, "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
        }
        TikaConfig config = TikaConfig.getDefaultConfig();
        Detector bytes = config.getDetector();
        AutoDetectParser parser = new FixedParsers(config);
        parser.setDetector((in, metadata) -> {
            String detected = metadata.get(DETECTED);
            return detected != null && detected.equals(metadata.get(Metadata.CONTENT_TYPE))
                    ? MediaType.parse(detected) : bytes.detect(in, metadata);
        });
        Detector zips = ((CompositeDetector) bytes).getDetectors().stream()
                .filter(DefaultZipContainerDetector.class::isInstance).findFirst().orElse(bytes);
        return new TikaParts(parser, new NotingDetector(bytes, zips), new MailCharsetDetector());
    }

    /** What every parse is given: no OCR (seconds per image, and only where tesseract happens to be). */
    static ParseContext context() {
        TesseractOCRConfig noOcr = new TesseractOCRConfig();
        noOcr.setSkipOcr(true);
        ParseContext context = new ParseContext();
        context.set(TesseractOCRConfig.class, noOcr);
        return context;
    }

    /**
     * Tika's auto-detecting parser with its map of type to parser built once: Tika builds it per parse, at two
     * levels, from every parser's supported types (a few percent of extracting an attachment). Word and
     * PowerPoint files go to a parser of their own that streams their XML (SAX) rather than building POI's
     * object model of every part: the same text at a fraction of the cost; the shared default configuration is
     * left as it is.
     */
    private static final class FixedParsers extends AutoDetectParser {

        private final Map<MediaType, Parser> parsers;

        FixedParsers(TikaConfig config) {
            super(config);
            OOXMLParser streaming = new OOXMLParser();
            streaming.setUseSAXDocxExtractor(true);
            streaming.setUseSAXPptxExtractor(true);
            Map<MediaType, Parser> byType = new HashMap<>(((CompositeParser) config.getParser()).getParsers(context()));
            byType.replaceAll((type, p) -> p instanceof OOXMLParser ? streaming : p);
            this.parsers = Map.copyOf(byType);
        }

        @Override
        public Map<MediaType, Parser> getParsers(ParseContext context) {
            return parsers;
        }
    }

    /**
     * Detects from the bytes and notes the answer in the metadata for the parser.
     *
     * @param bytes Tika's detectors: magic patterns, then the container detectors
     * @param zips the one container detector that tells a zip's kind (DOCX, XLSX, ODT, EPUB...) from its entries
     */
    private record NotingDetector(Detector bytes, Detector zips) implements Detector {

        private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
        private static final MediaType PDF = MediaType.application("pdf");
        private static final MediaType ZIP = MediaType.application("zip");

        @Override
        public MediaType detect(InputStream in, Metadata metadata) throws IOException {
            // PDFs and Office files, the commonest attachments, say what they are in their first bytes; Tika's
            // thousand magic patterns cost more and at most name a PDF-based subtype, such as Illustrator's, or
            // say "zip", which only the zip container detector refines. A zip it cannot refine (a plain or a
            // broken one) goes to every detector: the name may say DOCX, and a broken DOCX is then reported
            MediaType type = startsWith(in, PDF_MAGIC) ? PDF : null;
            if (type == null && startsWith(in, ZIP_MAGIC)) {
                type = zips.detect(in, metadata);
                type = MediaType.OCTET_STREAM.equals(type) || ZIP.equals(type) ? null : type;
            }
            if (type == null) {
                type = bytes.detect(in, metadata);
            }
            metadata.set(DETECTED, type.toString());
            return type;
        }

        private static boolean startsWith(InputStream in, byte[] magic) throws IOException {
            if (in == null || !in.markSupported()) {
                return false;
            }
            in.mark(magic.length);
            try {
                return Arrays.equals(in.readNBytes(magic.length), magic);
            } finally {
                in.reset();
            }
        }
    }
}
