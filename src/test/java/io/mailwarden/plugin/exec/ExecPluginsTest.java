package io.mailwarden.plugin.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exec plugin runner, with small shell scripts written for each test. */
class ExecPluginsTest {

    private static final byte[] INPUT = "{\"subject\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
    private static final Set<String> ALLOWED_ENV =
            Set.of("PATH", "HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "MAILWARDEN_PLUGIN_API");

    @TempDir
    Path dir;

    @Test
    void answerIsParsedFromStdoutAndStdinCarriesTheInput() throws Exception {
        Path p = script("echo-back", "exec cat");
        JsonNode answer = ExecPlugins.run(p, List.of(), INPUT, ExecPlugins.Limits.DEFAULT);
        assertThat(answer.get("subject").asText()).isEqualTo("hi");
    }

    @Test
    void aPluginThatDoesNotAnswerInTimeIsKilled() throws Exception {
        Path p = script("sleeper", "echo $$ > pid\nexec sleep 30");
        long started = System.nanoTime();
        assertThatThrownBy(() -> ExecPlugins.run(p, List.of(), INPUT, limits(Duration.ofSeconds(1))))
                .isInstanceOf(ExecException.class)
                .hasMessage("exec plugin sleeper did not answer within 1 s and was killed");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        long pid = Long.parseLong(Files.readString(dir.resolve("pid")).strip());
        boolean gone = ProcessHandle.of(pid)
                .map(h -> h.onExit().orTimeout(5, TimeUnit.SECONDS).handle((done, timedOut) -> timedOut == null).join())
                .orElse(true);
        assertThat(gone).as("the plugin process is gone").isTrue();
    }

    @Test
    void outputOverTheLimitIsAnError() throws Exception {
        Path p = script("chatty", "cat >/dev/null\nhead -c 70000 /dev/zero | tr '\\0' x");
        assertThatThrownBy(() -> ExecPlugins.run(p, List.of(), INPUT, ExecPlugins.Limits.DEFAULT))
                .isInstanceOf(ExecException.class)
                .hasMessage("exec plugin chatty printed more than 65536 bytes; its answer must be one small JSON object");
    }

    @Test
    void endlessOutputIsStoppedAtTheLimitWithoutWaitingForTheTimeout() throws Exception {
        Path p = script("flood", "exec yes");
        long started = System.nanoTime();
        assertThatThrownBy(() -> ExecPlugins.run(p, List.of(), INPUT, limits(Duration.ofSeconds(30))))
                .hasMessageContaining("printed more than 65536 bytes");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void outputThatIsNotJsonIsAnError() throws Exception {
        Path p = script("talker", "echo hello there");
        assertThatThrownBy(() -> ExecPlugins.run(p, List.of(), INPUT, ExecPlugins.Limits.DEFAULT))
                .isInstanceOf(ExecException.class)
                .hasMessage("exec plugin talker printed something that is not JSON: hello there");
    }

    @Test
    void jsonThatIsNotAnObjectIsAnError() throws Exception {
        Path p = script("lister", "echo '[true]'");
        assertThatThrownBy(() -> ExecPlugins.run(p, List.of(), INPUT, ExecPlugins.Limits.DEFAULT))
                .hasMessage("exec plugin lister must print one JSON object, printed: [true]");
    }

    @Test
    void nonZeroExitIsAnErrorThatQuotesStderr() throws Exception {
        Path p = script("failer", "echo 'cannot reach the database' >&2\nexit 3");
        assertThatThrownBy(() -> ExecPlugins.run(p, List.of(), INPUT, ExecPlugins.Limits.DEFAULT))
                .isInstanceOf(ExecException.class)
                .hasMessage("exec plugin failer exited with status 3; it said: cannot reach the database");
    }

    @Test
    void namesWithAPathAreRejected() throws Exception {
        script("ok", "echo '{}'");
        for (String name : List.of("../ok", "..", "sub/ok", "/bin/sh", ".hidden", " ")) {
            assertThatThrownBy(() -> ExecPlugins.resolve(dir, name))
                    .as(name)
                    .isInstanceOf(ExecException.class)
                    .hasMessage("plugin name '" + name + "' must be a plain file name inside " + dir);
        }
        assertThat(ExecPlugins.resolve(dir, "ok")).isEqualTo(dir.resolve("ok"));
    }

    @Test
    void aMissingOrNonExecutableFileIsRejected() throws Exception {
        Path p = script("plain", "echo '{}'");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ExecPlugins.resolve(dir, "plain"))
                .hasMessage("exec plugin " + p + " is not executable (chmod +x " + p + ")");
        assertThatThrownBy(() -> ExecPlugins.resolve(dir, "absent"))
                .hasMessage("no exec plugin 'absent': " + dir.resolve("absent") + " does not exist or is not a file");
    }

    @Test
    void theEnvironmentHoldsOnlyTheAllowedNames() throws Exception {
        assertThat(System.getenv().keySet()).as("the parent has variables a plugin must not see")
                .anyMatch(k -> !ALLOWED_ENV.contains(k));
        // env -0 and tr: no shell of the script's own adds variables to what is printed
        Path p = script("env-keys", """
                printf '{"keys":['
                /usr/bin/env -0 | tr '\\0' '\\n' | sed -n 's/^\\([A-Za-z_][A-Za-z0-9_]*\\)=.*/"\\1"/p' | paste -sd, -
                printf ']}'""");
        JsonNode answer = ExecPlugins.run(p, List.of(), INPUT, ExecPlugins.Limits.DEFAULT);
        List<String> keys = new ArrayList<>();
        answer.get("keys").forEach(k -> keys.add(k.asText()));
        assertThat(keys).contains("MAILWARDEN_PLUGIN_API", "PATH");
        // a POSIX shell may export PWD itself; nothing of the daemon's environment gets through
        assertThat(keys).allMatch(k -> ALLOWED_ENV.contains(k) || k.equals("PWD"), "allowed name");
    }

    @Test
    void argumentsArePassedLiterallyWithoutAShell() throws Exception {
        Path p = script("echo-arg", "cat >/dev/null\nprintf '{\"arg\": \"%s\"}' \"$1\"");
        JsonNode answer = ExecPlugins.run(p, List.of("$(touch pwned)"), INPUT, ExecPlugins.Limits.DEFAULT);
        assertThat(answer.get("arg").asText()).isEqualTo("$(touch pwned)");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void theWorkingDirectoryIsThePluginsDirectory() throws Exception {
        Path p = script("where", "cat >/dev/null\nprintf '{\"dir\": \"%s\"}' \"$(pwd -P)\"");
        JsonNode answer = ExecPlugins.run(p, List.of(), INPUT, ExecPlugins.Limits.DEFAULT);
        assertThat(answer.get("dir").asText()).isEqualTo(dir.toRealPath().toString());
    }

    @Test
    void aRelativePluginsDirectoryWorks() throws Exception {
        // the default configuration says plugins: plugins, relative to the working directory
        Path relative = Path.of("target", "exec-relative-" + UUID.randomUUID());
        Files.createDirectories(relative);
        try {
            Path p = write(relative.resolve("rel"), "cat >/dev/null\necho '{\"ok\": true}'");
            JsonNode answer = ExecPlugins.run(ExecPlugins.resolve(relative, "rel"), List.of(), INPUT,
                    ExecPlugins.Limits.DEFAULT);
            assertThat(answer.get("ok").asBoolean()).isTrue();
            Files.delete(p);
        } finally {
            Files.delete(relative);
        }
    }

    private static ExecPlugins.Limits limits(Duration timeout) {
        return new ExecPlugins.Limits(timeout, ExecPlugins.Limits.DEFAULT.maxOutputBytes());
    }

    private Path script(String name, String body) throws IOException {
        return write(dir.resolve(name), body);
    }

    private static Path write(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
