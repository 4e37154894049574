package io.mailwarden.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.plan.Step;
import io.mailwarden.rules.load.RuleLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hot reload: edits to rule files and to the templates next to them take effect without a restart. */
class RulesWatcherTest {

    @TempDir
    Path dir;

    @Test
    void editingAReplyTemplateReloadsTheRules() throws Exception {
        Files.createDirectories(dir.resolve("templates"));
        Files.writeString(dir.resolve("templates/ack.txt"), "first version");
        Files.writeString(dir.resolve("r.yaml"), """
                rules:
                  - name: ack
                    when: always
                    then:
                      - reply: { body-file: templates/ack.txt }
                """);
        RuleRepository repo = new RuleRepository(new RuleLoader(PluginRegistry.builtins(), dir), dir);
        try (RulesWatcher watcher = new RulesWatcher(repo)) {
            assertThat(watcher.reload().ok()).isTrue();
            assertThat(replyBody(repo)).isEqualTo("first version");

            Files.writeString(dir.resolve("templates/ack.txt"), "second version");

            await(() -> "second version".equals(replyBody(repo)));
        }
    }

    private static String replyBody(RuleRepository repo) {
        var rule = repo.current().rules().get(0);
        return ((Step.Reply) rule.then().get(0).action().plan(null)).body();
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(20));
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as("reloaded in time").isBefore(end);
            Thread.sleep(50);
        }
    }
}
