package io.mailwarden.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.mailwarden.account.Account;
import io.mailwarden.account.Endpoint;
import io.mailwarden.account.Provider;
import io.mailwarden.account.TlsMode;
import io.mailwarden.daemon.Daemon;
import io.mailwarden.daemon.DaemonLauncher;
import io.mailwarden.testing.TempDirs;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /q/health: readiness follows the watchers, liveness stays up while an account reconnects. */
@QuarkusTest
@TestProfile(HealthTest.DataDir.class)
class HealthTest {

    private static final String TOKEN = "health-test-token";

    /** A data directory of this test run only; metrics behind the API's token. */
    public static class DataDir implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mailwarden.data-dir",
                    Path.of("target/test-data/health-" + ProcessHandle.current().pid()).toAbsolutePath().toString(),
                    "mailwarden.http.token", TOKEN, "mailwarden.http.metrics", "token");
        }
    }

    @TestHTTPResource("/q/metrics")
    URL metrics;

    @Inject
    DaemonLauncher launcher;

    @TestHTTPResource("/q/health/ready")
    URL ready;

    @TestHTTPResource("/q/health/live")
    URL live;

    @Test
    void metricsSetToTokenNeedTheApiTokenAndServePrometheusText() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(metrics.toURI()).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(metrics.toURI())
                .header("Authorization", "Bearer not-" + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(metrics.toURI())
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).contains("# TYPE jvm_");
    }

    @Test
    void readinessFollowsTheWatchersAndLivenessStaysUpWhileTheServerIsGone() throws Exception {
        assertThat(get(ready).path("status").asText()).as("no daemon yet").isEqualTo("DOWN");

        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        server.start();
        server.setUser("ops@corp.example", "ops", "pw");
        Path rules = Files.createTempDirectory("health-rules");
        Files.writeString(rules.resolve("r.yaml"), "rules:\n  - name: r\n    when: always\n    then: [flag]\n");
        Endpoint imap = new Endpoint("127.0.0.1", server.getImap().getPort(), TlsMode.NONE);
        Account account = new Account("ops", Provider.CUSTOM, "ops", new Account.Secret("pw"), imap, imap, null,
                List.of("INBOX"), List.of(), Duration.ofMinutes(5), Duration.ofMinutes(4), false);
        try (Daemon daemon = launcher.start(List.of(account), new Daemon.Options(rules, rules, false, Duration.ofMillis(100)))) {
            await(() -> get(ready).path("status").asText().equals("UP"));
            // ready already while catching up; the watcher then settles in IDLE and is listed so
            await(() -> watcherState().equals("idle"));
            assertThat(get(ready).path("status").asText()).isEqualTo("UP");

            server.stop(); // the account's server goes away: not ready, but alive
            await(() -> get(ready).path("status").asText().equals("DOWN"));
            assertThat(get(live).path("status").asText()).isEqualTo("UP");
        } finally {
            TempDirs.delete(rules);
        }
    }

    private String watcherState() throws Exception {
        for (JsonNode check : get(ready).path("checks")) {
            if (check.path("name").asText().equals("mailwarden watchers")) {
                return check.path("data").path("ops:INBOX").asText();
            }
        }
        return "";
    }

    private static JsonNode get(URL url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(r.body());
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(Check check) throws Exception {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (!check.holds()) {
            assertThat(Instant.now()).as("in time").isBefore(end);
            Thread.sleep(100);
        }
    }
}
