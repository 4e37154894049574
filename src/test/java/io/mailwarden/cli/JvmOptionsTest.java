package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code bin/lib/jvm-options.sh}: which collector each command of {@code bin/mailwarden} runs on. */
class JvmOptionsTest {

    private static final String LUCENE = "--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector";

    @Test
    void theDaemonKeepsTheDefaultCollectorForItsSmallFootprint() throws Exception {
        assertThat(options("-Xmx256m", "run")).isEqualTo("-Xmx256m " + LUCENE);
        assertThat(options("", "demo")).isEqualTo(LUCENE);
    }

    @Test
    void commandsThatWorkThroughTheArchiveAndExitRunOnTheParallelCollector() throws Exception {
        assertThat(options("-Xmx512m", "backfill")).isEqualTo("-Xmx512m -XX:+UseParallelGC " + LUCENE);
        assertThat(options("", "reindex")).isEqualTo("-XX:+UseParallelGC " + LUCENE);
        assertThat(options("-Dx=* -Xmx1g", "search")).isEqualTo("-Dx=* -Xmx1g -XX:+UseParallelGC " + LUCENE);
    }

    @Test
    void aCollectorTheOperatorChoseIsKept() throws Exception {
        // two collectors on one command line would stop the JVM from starting
        assertThat(options("-XX:+UseZGC -Xmx1g", "backfill")).isEqualTo("-XX:+UseZGC -Xmx1g " + LUCENE);
        assertThat(options("-Xmx1g -XX:+UseSerialGC", "verify")).isEqualTo("-Xmx1g -XX:+UseSerialGC " + LUCENE);
        // options that merely start with Use and end in GC are not collectors
        assertThat(options("-XX:+UseCompactObjectHeaders -XX:+DisableExplicitGC", "export"))
                .isEqualTo("-XX:+UseCompactObjectHeaders -XX:+DisableExplicitGC -XX:+UseParallelGC " + LUCENE);
    }

    private static String options(String given, String command) throws IOException, InterruptedException {
        Path script = Path.of("bin/lib/jvm-options.sh").toAbsolutePath();
        Process bash = new ProcessBuilder("bash", "-c",
                ". \"$0\" && mailwarden_jvm_options \"$1\" \"$2\" && echo \"${jvm_options[*]}\"",
                script.toString(), given, command).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(bash.waitFor()).as(out).isZero();
        return out;
    }
}
