package io.mailwarden.daemon.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mailwarden.state.DurableFiles;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The request directory ({@code requests/} under the data directory), through which a command hands its work
 * to the running daemon. A request's files share its id: {@code ID.request.json} while it waits, renamed by the
 * daemon to {@code ID.claimed.json} when it takes it; {@code ID.progress} (lines the daemon appends as it
 * goes), {@code ID.cancel} (the command asks it to stop) and {@code ID.result.json} (written once, at the
 * end). {@code daemon.json} says which process takes requests. JSON files are written whole: a temporary
 * file, fsynced, renamed into place, the directory fsynced.
 */
public final class RequestDir {

    /** The directory's name under the data directory. */
    public static final String DIR = "requests";
    static final String DAEMON = "daemon.json";
    static final String REQUEST = ".request.json";
    static final String CLAIMED = ".claimed.json";
    static final String PROGRESS = ".progress";
    static final String CANCEL = ".cancel";
    static final String RESULT = ".result.json";
    static final String TMP = ".tmp";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public RequestDir(Path dataDir) {
        this.dir = dataDir.resolve(DIR);
    }

    Path path() {
        return dir;
    }

    Path file(String id, String suffix) {
        return dir.resolve(id + suffix);
    }

    /** A new request id: sortable by time, unique across processes. */
    static String newId() {
        return String.format("%013d-%s", System.currentTimeMillis(), UUID.randomUUID().toString().substring(0, 8));
    }

    /** Writes {@code value} as JSON to {@code file}, whole or not at all (its temporary file ends in {@link #TMP}). */
    void write(Path file, Object value) throws IOException {
        Files.createDirectories(dir);
        byte[] json = JSON.writeValueAsBytes(value);
        DurableFiles.writeAtomically(file, out -> out.write(json));
    }

    /** The JSON value of {@code file}, or null when there is no such file. */
    <T> T read(Path file, Class<T> type) throws IOException {
        try {
            return JSON.readValue(Files.readAllBytes(file), type);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Renames a waiting request to claimed; false when it is gone (withdrawn, or claimed already). */
    boolean claim(String id) throws IOException {
        try {
            claimMove(file(id, REQUEST), file(id, CLAIMED));
        } catch (NoSuchFileException e) {
            return false;
        }
        DurableFiles.fsyncDirectory(dir);
        return true;
    }

    /** Deletes a waiting request; false when the daemon claimed it first. */
    boolean withdraw(String id) throws IOException {
        return Files.deleteIfExists(file(id, REQUEST));
    }

    /** The ids of the requests that have a file ending in {@code suffix}, oldest first. */
    List<String> ids(String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix))
                    .map(n -> n.substring(0, n.length() - suffix.length())).sorted().toList();
        }
    }

    /** Every file of request {@code id} (temporary ones included). */
    List<Path> files(String id) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(id + ".")).toList();
        }
    }

    /** Deletes every file of request {@code id}. */
    void delete(String id) throws IOException {
        for (Path p : files(id)) {
            Files.deleteIfExists(p);
        }
    }

    /** A rename that never replaces: of two daemons claiming one request, the second finds it gone. */
    private static void claimMove(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
