package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/lib/jvm-options.sh}: which collector each command runs on, from {@code bin/mailwarden} or the JVM image. */
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

    @Test
    void theJvmImagesEntryPointGivesEachCommandTheSameOptions(@TempDir Path image) throws Exception {
        // the image's layout (Dockerfile.jvm), with a java that prints what it was asked to run
        Files.copy(Path.of("src/main/docker/entrypoint.sh"), image.resolve("entrypoint.sh"));
        Files.copy(Path.of("bin/lib/jvm-options.sh"), image.resolve("jvm-options.sh"));
        Path bin = Files.createDirectories(image.resolve("bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"$@\"\n");
        bin.resolve("java").toFile().setExecutable(true);

        assertThat(entryPoint(image, "-Xmx300m", "backfill", "--account", "sales")).isEqualTo("-Xmx300m -XX:+UseParallelGC "
                + LUCENE + " -jar " + image.toRealPath().resolve("quarkus-run.jar") + " backfill --account sales");
        assertThat(entryPoint(image, "", "run")).isEqualTo(LUCENE + " -jar " + image.toRealPath().resolve("quarkus-run.jar") + " run");
    }

    private static String entryPoint(Path image, String javaOpts, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(image.resolve("entrypoint.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", image.resolve("bin") + ":/usr/bin:/bin");
        pb.environment().put("MAILWARDEN_JAVA_OPTS", javaOpts);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
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
