package io.mailwarden.web.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.web.HttpConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated token: random, owner-only from the start, kept across restarts; and how requests are checked. */
class TokenFileTest {

    @TempDir
    Path data;

    @Test
    void generatesAnOwnerOnlyTokenOnceAndKeepsIt() throws IOException {
        TokenFile.Loaded first = new TokenFile(data.resolve("sub")).loadOrCreate();
        assertThat(first.created()).isTrue();
        assertThat(first.token()).matches("[A-Za-z0-9_-]{43}"); // 32 bytes, URL-safe base64 without padding
        Path file = data.resolve("sub").resolve(TokenFile.NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(new TokenFile(data.resolve("sub")).readableByOthers()).isFalse();
        try (var leftovers = Files.list(data.resolve("sub"))) {
            assertThat(leftovers).as("no temporary file left behind").containsExactly(file);
        }

        TokenFile.Loaded again = new TokenFile(data.resolve("sub")).loadOrCreate();
        assertThat(again.created()).isFalse();
        assertThat(again.token()).isEqualTo(first.token());
        assertThat(new TokenFile(data.resolve("other")).loadOrCreate().token()).isNotEqualTo(first.token());
    }

    @Test
    void anEmptyTokenFileIsAnErrorNamingTheFile() throws IOException {
        Files.writeString(data.resolve(TokenFile.NAME), "\n");
        assertThatThrownBy(() -> new TokenFile(data).loadOrCreate()).isInstanceOf(IOException.class)
                .hasMessageContaining(data.resolve(TokenFile.NAME).toString()).hasMessageContaining("empty");
    }

    @Test
    void acceptsOnlyTheBearerTokenOfTheFileWhenNoneIsConfigured() throws IOException {
        ApiToken token = new ApiToken(http(Optional.empty()), config(data));
        assertThat(token.accepts(null)).isFalse(); // generates the file
        String stored = Files.readString(data.resolve(TokenFile.NAME)).strip();
        assertThat(token.accepts("Bearer " + stored)).isTrue();
        assertThat(token.accepts("bearer " + stored)).as("the scheme is case-insensitive").isTrue();
        assertThat(token.accepts("Bearer " + stored + "x")).isFalse();
        assertThat(token.accepts(stored)).isFalse();
        assertThat(token.where()).contains(data.resolve(TokenFile.NAME).toString()).doesNotContain(stored);
    }

    @Test
    void aConfiguredTokenWinsAndNoFileIsWritten() {
        ApiToken token = new ApiToken(http(Optional.of("s3cret-from-env")), config(data));
        assertThat(token.accepts("Bearer s3cret-from-env")).isTrue();
        assertThat(token.accepts("Bearer s3cret")).isFalse();
        assertThat(data.resolve(TokenFile.NAME)).doesNotExist();
    }

    @Test
    void anUnwritableDataDirectoryIsAClearError() throws IOException {
        Path file = data.resolve("not-a-dir");
        Files.writeString(file, "x");
        ApiToken token = new ApiToken(http(Optional.empty()), config(file));
        assertThatThrownBy(() -> token.accepts("Bearer x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mailwarden.http.token").hasMessageContaining(file.toString());
    }

    private static HttpConfig http(Optional<String> token) {
        return new HttpConfig() {
            @Override
            public Optional<String> token() {
                return token;
            }

            @Override
            public MetricsAccess metrics() {
                return MetricsAccess.OFF;
            }
        };
    }

    private static MailwardenConfig config(Path dataDir) {
        return new MailwardenConfig() {
            @Override
            public Rules rules() {
                return () -> Path.of("rules");
            }

            @Override
            public Plugins plugins() {
                return () -> Path.of("plugins");
            }

            @Override
            public Path dataDir() {
                return dataDir;
            }
        };
    }
}
