package io.mailwarden.archive.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.junit.jupiter.api.Test;

class TikaPartsTest {

    private static final TikaParts TIKA = TikaParts.load();

    @Test
    void parserTakesTheDetectorsAnswerInsteadOfDetectingAgain() throws Exception {
        byte[] pdf = Docs.pdf("quarterly invoice");
        Metadata metadata = new Metadata();
        try (TikaInputStream tis = TikaInputStream.get(pdf)) {
            assertThat(TIKA.detector().detect(tis, metadata)).isEqualTo(MediaType.application("pdf"));
            metadata.set(Metadata.CONTENT_TYPE, "application/pdf");
            assertThat(parse(tis, metadata)).contains("quarterly invoice");
        }
        // the answer noted in the metadata is what the parser goes by: here a (made-up) text/plain one
        Metadata noted = new Metadata();
        try (TikaInputStream tis = TikaInputStream.get("plain words".getBytes())) {
            TIKA.detector().detect(tis, noted);
        }
        noted.set(Metadata.CONTENT_TYPE, "text/plain");
        try (TikaInputStream tis = TikaInputStream.get(pdf)) {
            assertThat(parse(tis, noted)).startsWith("%PDF");
        }
    }

    @Test
    void parserDetectsAgainWhenTheContentTypeIsNotTheDetectorsAnswer() throws Exception {
        Metadata metadata = new Metadata();
        try (TikaInputStream tis = TikaInputStream.get("plain words".getBytes())) {
            TIKA.detector().detect(tis, metadata);
        }
        metadata.set(Metadata.CONTENT_TYPE, "application/octet-stream");
        try (TikaInputStream tis = TikaInputStream.get(Docs.pdf("quarterly invoice"))) {
            assertThat(parse(tis, metadata)).contains("quarterly invoice");
        }
    }

    @Test
    void aPdfIsAPdfWhateverItsNameAndDeclaredTypeSay() throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, "scan.docx");
        metadata.set(Metadata.CONTENT_TYPE, "application/msword");
        try (TikaInputStream tis = TikaInputStream.get(Docs.pdf("quarterly invoice"))) {
            assertThat(TIKA.detector().detect(tis, metadata)).isEqualTo(MediaType.application("pdf"));
            metadata.set(Metadata.CONTENT_TYPE, "application/pdf");
            assertThat(parse(tis, metadata)).contains("quarterly invoice");
        }
    }

    @Test
    void aZipIsToldApartByItsEntriesWhateverItsNameAndDeclaredTypeSay() throws Exception {
        assertThat(detect(Docs.docx("x"), "budget.xlsx", "application/zip"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(detect(Docs.xlsx("x"), "notes.docx", "application/octet-stream"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(detect(Docs.odt("x"), "a.zip", "application/zip")).isEqualTo("application/vnd.oasis.opendocument.text");
    }

    @Test
    void aZipTheContainerDetectorCannotRefineGetsTikasFullAnswer() throws Exception {
        byte[] plain = Docs.zip(Map.of("a.txt", "words".getBytes()));
        byte[] broken = {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3};
        String docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        for (byte[] zip : List.of(plain, broken)) {
            for (String name : List.of("report.docx", "files.zip", "noname")) {
                Metadata hints = new Metadata();
                hints.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
                hints.set(Metadata.CONTENT_TYPE, docx);
                String tikas;
                try (TikaInputStream tis = TikaInputStream.get(zip)) {
                    tikas = TikaConfig.getDefaultConfig().getDetector().detect(tis, hints).toString();
                }
                assertThat(detect(zip, name, docx)).as(name).isEqualTo(tikas);
            }
        }
        // so a broken file named as a DOCX goes to the DOCX parser, whose failure is recorded on the message
        assertThat(detect(broken, "a.docx", "application/octet-stream")).isEqualTo(docx);
    }

    private static String detect(byte[] bytes, String name, String declared) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        metadata.set(Metadata.CONTENT_TYPE, declared);
        try (TikaInputStream tis = TikaInputStream.get(bytes)) {
            return TIKA.detector().detect(tis, metadata).toString();
        }
    }

    private static String parse(TikaInputStream tis, Metadata metadata) throws Exception {
        BodyContentHandler text = new BodyContentHandler();
        TIKA.parser().parse(tis, text, metadata, new ParseContext());
        return text.toString().strip();
    }
}
