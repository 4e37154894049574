package io.mailwarden.backup.snapshot;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.mailwarden.state.DurableFiles;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a snapshot's manifest. Entries go to a side file as they come (one JSON object a line, so a
 * million messages never sit in memory); {@link #finish} then writes {@code manifest.json} — header and
 * counts first, so {@code backup list} reads only its start — copies the entries in, fsyncs it and removes
 * the side file.
 */
final class ManifestWriter implements AutoCloseable {

    private static final String ENTRIES = "manifest.entries.tmp";
    private static final JsonFactory JSON = new JsonFactory();

    private final Path dir;
    private final Path entriesFile;
    private final BufferedWriter entries;
    private long files;
    private long bytes;
    private long messages;

    ManifestWriter(Path dir) throws IOException {
        this.dir = dir;
        this.entriesFile = dir.resolve(ENTRIES);
        this.entries = Files.newBufferedWriter(entriesFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
    }

    void add(Manifest.Entry e) throws IOException {
        StringWriter line = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            g.writeStringField("path", e.path());
            g.writeNumberField("size", e.size());
            if (e.sha256() != null) {
                g.writeStringField("sha256", e.sha256());
            }
            if (e.contentSha256() != null) {
                g.writeStringField("content-sha256", e.contentSha256());
                if (e.path().startsWith(MessageFiles.DIR + "/")) { // not the files messages link to
                    messages++;
                }
            }
            g.writeEndObject();
        }
        entries.write(line.toString());
        entries.newLine();
        files++;
        bytes += e.size();
    }

    /** Writes {@code manifest.json} with these header fields (its counts of files and bytes are this writer's). */
    Manifest finish(Manifest header) throws IOException {
        entries.close();
        Manifest.Counts c = header.counts();
        Manifest done = new Manifest(header.name(), header.createdAt(), header.version(), header.dataDir(),
                header.luceneGeneration(), header.state(),
                new Manifest.Counts(messages, c.linkedFromPrevious(), c.indexFiles(), files, bytes));
        DurableFiles.writeNew(dir.resolve(Manifest.FILE), out -> {
            try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
                    BufferedReader in = Files.newBufferedReader(entriesFile, StandardCharsets.UTF_8)) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
                writeHeader(g, done);
                g.writeArrayFieldStart("files");
                for (String line; (line = in.readLine()) != null;) {
                    g.writeRawValue(line);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        });
        Files.delete(entriesFile);
        return done;
    }

    private static void writeHeader(JsonGenerator g, Manifest m) throws IOException {
        g.writeStartObject();
        g.writeStringField("format", Manifest.FORMAT);
        g.writeStringField("name", m.name());
        g.writeStringField("created-at", m.createdAt().toString());
        g.writeStringField("mailwarden-version", m.version());
        g.writeStringField("data-dir", m.dataDir());
        g.writeNumberField("lucene-generation", m.luceneGeneration());
        g.writeStringField("state", m.state());
        g.writeObjectFieldStart("counts");
        g.writeNumberField("messages", m.counts().messages());
        g.writeNumberField("linked-from-previous", m.counts().linkedFromPrevious());
        g.writeNumberField("index-files", m.counts().indexFiles());
        g.writeNumberField("files", m.counts().files());
        g.writeNumberField("bytes", m.counts().bytes());
        g.writeEndObject();
    }

    /** Closes the side file (after a failure; the caller removes the directory). */
    @Override
    public void close() throws IOException {
        entries.close();
    }
}
