package io.mailwarden.archive.extract;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.io.input.CloseShieldInputStream;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.EmbeddedContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads the documents inside a document (zip entries, files embedded in Office documents or PDFs) within
 * the run's limits: depth, archives one level deep, and every unpacked byte charged to the expanded-size
 * budget, including the bytes a parser skips. A broken embedded document is recorded and its siblings
 * are still read.
 */
final class EmbeddedDocs implements EmbeddedDocumentExtractor {

    private final ExtractionRun run;

    EmbeddedDocs(ExtractionRun run) {
        this.run = run;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        return run.mayOpen() && !run.guard().stopped();
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        String name = metadata.get(TikaCoreProperties.RESOURCE_NAME_KEY);
        if (name != null && !name.isBlank()) {
            String line = "\n" + name + "\n"; // file names inside an archive are worth finding too
            handler.characters(line.toCharArray(), 0, line.length());
        }
        GuardedStream counted = new GuardedStream(CloseShieldInputStream.wrap(stream), run.guard(), true);
        try (TikaInputStream tis = TikaInputStream.get(counted)) {
            try {
                MediaType type = run.tika().detector().detect(tis, metadata);
                run.parse(tis, type, metadata, new EmbeddedContentHandler(new BodyContentHandler(handler)));
            } catch (Exception e) {
                if (run.guard().stopped()) {
                    throw e instanceof IOException io ? io : new IOException(e);
                }
                run.record(name == null ? "embedded document" : name, e);
            }
            counted.drain(); // before the close, which cuts the stream off
        } catch (Guard.Stopped stop) {
            throw stop;
        } catch (IOException unreadable) {
            if (run.guard().stopped()) {
                throw unreadable;
            }
            run.record(name == null ? "embedded document" : name, unreadable);
        }
    }
}
