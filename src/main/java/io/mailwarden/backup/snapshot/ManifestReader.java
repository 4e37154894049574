package io.mailwarden.backup.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads a snapshot's {@code manifest.json} as a stream: the header without reading the file list, or every
 * entry one at a time (a manifest lists every message, so it is never read into memory whole).
 */
final class ManifestReader implements AutoCloseable {

    /** Receives the entries. */
    @FunctionalInterface
    interface EntryConsumer {
        void accept(Manifest.Entry e) throws IOException;
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;
    private final JsonParser p;
    private Manifest header;

    private ManifestReader(Path file, JsonParser p) {
        this.file = file;
        this.p = p;
    }

    /** Opens the manifest of the snapshot in {@code dir}; {@link NoSuchFileException} when it has none. */
    static ManifestReader open(Path dir) throws IOException {
        Path file = dir.resolve(Manifest.FILE);
        return new ManifestReader(file, JSON.createParser(Files.newInputStream(file)));
    }

    /** The header fields, read up to the file list. */
    Manifest header() throws IOException {
        if (header != null) {
            return header;
        }
        expect(p.nextToken() == JsonToken.START_OBJECT, "a JSON object");
        String format = null;
        String name = null;
        String createdAt = null;
        String version = null;
        String dataDir = null;
        String state = null;
        long generation = -1;
        Manifest.Counts counts = null;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "format" -> format = p.getText();
                case "name" -> name = p.getText();
                case "created-at" -> createdAt = p.getText();
                case "mailwarden-version" -> version = p.getText();
                case "data-dir" -> dataDir = p.getText();
                case "lucene-generation" -> generation = p.getLongValue();
                case "state" -> state = p.getText();
                case "counts" -> counts = counts();
                case "files" -> {
                    expect(format != null && format.equals(Manifest.FORMAT), "format " + Manifest.FORMAT + ", not " + format);
                    expect(name != null && createdAt != null && counts != null, "name, created-at and counts before files");
                    header = new Manifest(name, instant(createdAt), version, dataDir, generation, state, counts);
                    return header;
                }
                default -> p.skipChildren();
            }
        }
        throw bad("no files list");
    }

    /** Every entry, in the order written. */
    void entries(EntryConsumer each) throws IOException {
        header();
        expect(p.currentToken() == JsonToken.START_ARRAY, "files to be a list");
        for (JsonToken t = p.nextToken(); t == JsonToken.START_OBJECT; t = p.nextToken()) {
            String path = null;
            String sha = null;
            String content = null;
            long size = -1;
            for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "path" -> path = p.getText();
                    case "size" -> size = p.getLongValue();
                    case "sha256" -> sha = p.getText();
                    case "content-sha256" -> content = p.getText();
                    default -> p.skipChildren();
                }
            }
            expect(path != null && size >= 0 && (sha == null) != (content == null),
                    "each file to have path, size and one of sha256 / content-sha256");
            each.accept(new Manifest.Entry(path, size, sha, content));
        }
        expect(p.currentToken() == JsonToken.END_ARRAY, "the files list to end");
    }

    private Manifest.Counts counts() throws IOException {
        long messages = 0;
        long linked = 0;
        long index = 0;
        long files = 0;
        long bytes = 0;
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String field = p.currentName();
            p.nextToken();
            long v = p.getLongValue();
            switch (field) {
                case "messages" -> messages = v;
                case "linked-from-previous" -> linked = v;
                case "index-files" -> index = v;
                case "files" -> files = v;
                case "bytes" -> bytes = v;
                default -> {
                    // a newer writer's count: not needed here
                }
            }
        }
        return new Manifest.Counts(messages, linked, index, files, bytes);
    }

    private Instant instant(String text) throws IOException {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw bad("created-at is not a time: " + text);
        }
    }

    private void expect(boolean ok, String what) throws IOException {
        if (!ok) {
            throw bad("expected " + what);
        }
    }

    private IOException bad(String why) {
        return new IOException(file + " is not a snapshot manifest (" + why + ", line " + p.currentLocation().getLineNr() + ")");
    }

    @Override
    public void close() throws IOException {
        p.close();
    }
}
