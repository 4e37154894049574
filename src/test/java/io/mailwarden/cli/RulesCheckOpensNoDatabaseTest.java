package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** CLI subcommands that need no state must not open, let alone create, the state database. */
@QuarkusMainTest
@TestProfile(RulesCheckOpensNoDatabaseTest.DataDir.class)
class RulesCheckOpensNoDatabaseTest {

    /** A data directory of this test run only. */
    public static class DataDir implements QuarkusTestProfile {
        static final Path DIR = Path.of("target/test-data/no-database-" + ProcessHandle.current().pid())
                .toAbsolutePath();

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mailwarden.data-dir", DIR.toString());
        }
    }

    @Test
    void rulesCheckAndRulesTestLeaveNoDatabaseFile(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult check = launcher.launch("rules", "check");
        assertThat(check.exitCode()).as(check.getErrorOutput()).isZero();
        LaunchResult test = launcher.launch("rules", "test", "samples/mail/02-newsletter-en.eml");
        assertThat(test.exitCode()).as(test.getErrorOutput()).isZero();
        assertThat(filesUnder(DataDir.DIR)).isEmpty();
    }

    private static Stream<Path> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).toList().stream();
        }
    }
}
