package io.mailwarden.archive.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
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
        metadata.set(org.apache.tika.metadata.TikaCoreProperties.RESOURCE_NAME_KEY, "scan.docx");
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
        assertThat(detect(Docs.zip(java.util.Map.of("a.txt", "words".getBytes())), "report.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")).isEqualTo("application/zip");
        // zip's magic and then nothing a zip reader can use: still a zip, not the name's DOCX
        byte[] broken = {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3};
        assertThat(detect(broken, "a.docx", "application/octet-stream")).isEqualTo("application/zip");
    }

    private static String detect(byte[] bytes, String name, String declared) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(org.apache.tika.metadata.TikaCoreProperties.RESOURCE_NAME_KEY, name);
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
