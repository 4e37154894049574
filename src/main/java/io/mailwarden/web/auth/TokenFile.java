package io.mailwarden.web.auth;

import io.mailwarden.state.DurableFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The generated API token in {@code <data-dir>/http-token}: 32 random bytes, URL-safe base64. The file is
 * created with owner-only permissions from the start (never widened after it was written), whole or not at all.
 */
public final class TokenFile {

    static final String NAME = "http-token";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path file;

    public TokenFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    /** The stored token, generated and stored first if there is none yet. */
    public Loaded loadOrCreate() throws IOException {
        if (!Files.exists(file)) {
            try {
                return new Loaded(create(), true);
            } catch (FileAlreadyExistsException e) {
                // another process created it in the meantime: theirs is the token
            }
        }
        String token = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (token.isEmpty()) {
            throw new IOException(file + " is empty: delete it to have a new token generated, or set mailwarden.http.token");
        }
        return new Loaded(token, false);
    }

    /** @param created whether this call generated it */
    public record Loaded(String token, boolean created) {
    }

    /** Whether group or others may read the file (the admin should know: anyone who reads it can search the mail). */
    public boolean readableByOthers() throws IOException {
        if (!posix(file.getParent())) {
            return false;
        }
        Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
        return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
    }

    private String create() throws IOException {
        Files.createDirectories(file.getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        FileAttribute<?>[] attrs = posix(file.getParent())
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
        }
        DurableFiles.writeAtomically(file, out -> out.write((token + "\n").getBytes(StandardCharsets.US_ASCII)), attrs);
        return token;
    }

    private static boolean posix(Path dir) throws IOException {
        return Files.getFileStore(dir).supportsFileAttributeView("posix");
    }
}
