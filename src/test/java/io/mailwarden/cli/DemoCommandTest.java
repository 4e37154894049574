package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The README's main command: the demo works with no configuration and shows the rules acting. */
@QuarkusMainTest
@TestProfile(DemoCommandTest.DataDir.class)
class DemoCommandTest {

    /** A data directory of this test run only. */
    public static class DataDir implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mailwarden.data-dir",
                    Path.of("target/test-data/demo-" + ProcessHandle.current().pid()).toAbsolutePath().toString(),
                    "quarkus.http.test-port", "0", // other test runs on this machine may hold 8081
                    // launching other subcommands in this JVM left these off (cli.Main sets them per process)
                    "quarkus.scheduler.enabled", "true", "quarkus.http.host-enabled", "true");
        }
    }

    @Test
    void demoDeliversTheSamplesAndShowsEveryRuleActing(QuarkusMainLauncher launcher) throws IOException {
        LaunchResult r = launcher.launch("demo", "--once", "--imap-port", String.valueOf(freePort()),
                "--smtp-port", String.valueOf(freePort()));
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        assertThat(r.getOutput())
                .contains("Delivered 12 sample messages")
                .containsPattern("INBOX #1 +large-amounts +flag +DONE")
                .containsPattern("INBOX #1 +invoices-to-finance +move → 财务/发票 +DONE")
                .containsPattern("INBOX #6 +spam-to-junk +move → Junk +DONE")
                .containsPattern("INBOX #4 +support-acknowledgement +reply .* DONE — reply to maria@customer.example queued")
                .containsPattern("INBOX #4 +support-acknowledgement +send reply +SENT")
                .containsPattern("(?m)^Automatic mail sent through the demo's SMTP server:\\R  .*maria@customer.example.*"
                        + "  Re: Cannot log in to the portal$")
                .containsPattern("(?m)^  Junk \\(1\\)$")
                .containsPattern("(?m)^  Newsletters \\(2\\)$")
                .contains("报价单", "关于喆园项目的安排")
                .containsPattern("The archive keeps all 12 messages whole under .*test-data/demo-");
    }

    @Test
    void runningTheDemoAgainStartsAfreshAndLeavesAnArchiveThatVerifies(QuarkusMainLauncher launcher) throws IOException {
        for (int run = 1; run <= 2; run++) {
            LaunchResult r = launcher.launch("demo", "--once", "--imap-port", String.valueOf(freePort()),
                    "--smtp-port", String.valueOf(freePort()));
            assertThat(r.exitCode()).as("run " + run + ": " + r.getErrorOutput()).isZero();
            assertThat(r.getOutput()).contains("The archive keeps all 12 messages whole");
        }
        // the first run's mail is gone from the fresh server and from the archive, its bytes included
        LaunchResult verify = launcher.launch("verify");
        assertThat(verify.exitCode()).as(verify.getOutput() + verify.getErrorOutput()).isZero();
        assertThat(verify.getOutput()).contains("12 place(s), 12 stored message(s)").contains("archive: OK");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
