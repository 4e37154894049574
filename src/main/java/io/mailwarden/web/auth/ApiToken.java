package io.mailwarden.web.auth;

import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.web.HttpConfig;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jboss.logging.Logger;

/**
 * The bearer token of {@code /api/**}: configured, or generated into the data directory when the HTTP server
 * first starts (so subcommands without HTTP never create one). The token itself is never logged.
 */
@ApplicationScoped
public class ApiToken {

    private static final Logger LOG = Logger.getLogger(ApiToken.class);
    private static final String SCHEME = "Bearer ";

    private final HttpConfig http;
    private final MailwardenConfig config;
    private volatile byte[] expectedDigest;

    public ApiToken(HttpConfig http, MailwardenConfig config) {
        this.http = http;
        this.config = config;
    }

    void onHttpStart(@Observes HttpServerStart started) {
        try {
            expected();
            LOG.infof("the API token is %s", where());
        } catch (IllegalStateException e) {
            LOG.error(e.getMessage());
        }
    }

    /** Where the token comes from, for people: the configuration key or the file (never the token). */
    public String where() {
        return http.token().isPresent() ? "configured (mailwarden.http.token / MAILWARDEN_HTTP_TOKEN)"
                : "in " + tokenFile().path().toAbsolutePath();
    }

    /**
     * Whether an {@code Authorization} header value carries the token. Both sides are hashed before the
     * constant-time compare, so neither the content nor the length of the token leaks through timing.
     *
     * @throws IllegalStateException when no token is configured and the token file cannot be read or created
     */
    public boolean accepts(String authorization) {
        byte[] expected = expected();
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(authorization.substring(SCHEME.length()).strip()));
    }

    private byte[] expected() {
        byte[] digest = expectedDigest;
        if (digest == null) {
            synchronized (this) {
                if (expectedDigest == null) {
                    expectedDigest = sha256(load());
                }
                digest = expectedDigest;
            }
        }
        return digest;
    }

    private String load() {
        if (http.token().isPresent()) {
            return http.token().get().strip();
        }
        TokenFile file = tokenFile();
        try {
            TokenFile.Loaded loaded = file.loadOrCreate();
            if (loaded.created()) {
                LOG.infof("generated an API token into %s (readable by its owner only)", file.path().toAbsolutePath());
            } else if (file.readableByOthers()) {
                LOG.warnf("%s is readable by other users: anyone who reads it can search the archived mail (chmod 600 it)",
                        file.path().toAbsolutePath());
            }
            return loaded.token();
        } catch (IOException e) {
            throw new IllegalStateException("no API token: mailwarden.http.token is not set and " + file.path().toAbsolutePath()
                    + " cannot be read or created: " + e.getMessage(), e);
        }
    }

    private TokenFile tokenFile() {
        return new TokenFile(config.dataDir());
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
