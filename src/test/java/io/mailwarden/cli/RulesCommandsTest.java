package io.mailwarden.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable as an admin runs it: help, rules check, and rules test over the shipped examples. */
@QuarkusMainTest
class RulesCommandsTest {

    @TempDir
    Path tmp;

    @Test
    void helpListsEverySubcommandOnOneLine(QuarkusMainLauncher launcher) {
        for (String[] args : List.of(new String[0], new String[] {"--help"})) {
            LaunchResult r = launcher.launch(args);
            assertThat(r.exitCode()).isZero();
            assertThat(r.getOutput()).containsPattern("(?m)^  rules check +Validate the rule files")
                    .containsPattern("(?m)^  rules test +Show which rules match");
        }
    }

    @Test
    void shippedRulesAreValid(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("rules", "check");
        assertThat(r.exitCode()).isZero();
        assertThat(r.getOutput()).contains("OK: 11 rule(s) in 6 file(s), 0 warning(s)");
    }

    @Test
    void checkExitsNonZeroAndNamesTheLine(QuarkusMainLauncher launcher) throws IOException {
        Files.writeString(tmp.resolve("r.yaml"), "rules:\n  - name: x\n    when: always\n    then:\n      - mvoe: a\n");
        LaunchResult r = launcher.launch("rules", "check", "--rules", tmp.toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.getOutput()).contains(tmp.resolve("r.yaml") + ":5:9: error: unknown action 'mvoe' — did you mean 'move'?")
                .contains("1 error(s), 0 warning(s): the rules were not loaded");
    }

    @Test
    void listShowsConditionsAndActions(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("rules", "check", "--list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.getOutput()).containsPattern("(?m)^  from +an address in From")
                .containsPattern("(?m)^  move +move to a folder").containsPattern("(?m)^  stop ");
    }

    @Test
    void examplesPlanWhatTheReadmeSays(QuarkusMainLauncher launcher) throws IOException {
        List<String> args = new ArrayList<>(List.of("rules", "test", "--json", "--now", "2026-03-15T12:00:00Z"));
        try (Stream<Path> s = Files.list(Path.of("samples/mail"))) {
            s.sorted().map(Path::toString).forEach(args::add);
        }
        LaunchResult r = launcher.launch(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.getErrorOutput()).isZero();
        Map<String, List<String>> plans = new LinkedHashMap<>();
        for (JsonNode m : new ObjectMapper().readTree(r.getOutput())) {
            List<String> steps = new ArrayList<>();
            m.get("plan").forEach(p -> steps.add(p.get("describe").asText() + " [" + p.get("rule").asText() + "]"));
            plans.put(Path.of(m.get("file").asText()).getFileName().toString(), steps);
        }
        assertThat(plans).containsExactly(
                Map.entry("01-invoice-vendor-zh.eml", List.of("flag [large-amounts]", "add-keyword $Invoice [invoices-to-finance]",
                        "move → 财务/发票 [invoices-to-finance]")),
                Map.entry("02-newsletter-en.eml", List.of("mark-read [newsletters]", "move → Newsletters [newsletters]")),
                Map.entry("03-contract-zh.eml", List.of("flag [contracts-to-legal]", "copy → 法务/合同 [contracts-to-legal]")),
                Map.entry("04-support-question-en.eml",
                        List.of("reply (at most once per sender every 1w) [support-acknowledgement]")),
                Map.entry("05-bounce.eml", List.of()),
                Map.entry("06-spam.eml", List.of("move → Junk [spam-to-junk]")),
                Map.entry("07-ceo-gb2312-label.eml", List.of("flag [vip-senders]", "add-keyword $VIP [vip-senders]")),
                Map.entry("08-meeting-big5.eml", List.of("add-keyword $Meeting [meeting-notices]")),
                Map.entry("09-purchase-order-csv.eml", List.of("flag [purchase-orders]", "copy → 采购/订单 [purchase-orders]")),
                Map.entry("10-promo-html.eml", List.of("mark-read [newsletters]", "move → Newsletters [newsletters]")),
                Map.entry("11-colleague-reply-zh.eml", List.of()),
                Map.entry("12-quote-split-word.eml", List.of("copy → 采购/报价 [vendor-quotes]")));
    }

    @Test
    void textReportExplainsWhyARuleMatched(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("rules", "test", "samples/mail/07-ceo-gb2312-label.eml");
        assertThat(r.exitCode()).isZero();
        assertThat(r.getOutput()).contains("Subject: 关于喆园项目的安排")
                .contains("✔ vip-senders  (rules/40-people.yaml:3:5)")
                .contains("because: from address in-list [wangzhe@corp.example, ceo@corp.example, board.corp.example]"
                        + " (王喆 <wangzhe@corp.example>)")
                .contains("1. flag   [vip-senders]");
    }

    @Test
    void unreadableMessageFileExitsThreeAndTheOthersAreStillEvaluated(QuarkusMainLauncher launcher) {
        LaunchResult r = launcher.launch("rules", "test", "no-such.eml", "samples/mail/06-spam.eml");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.getErrorOutput()).contains("no-such.eml: cannot read: no such file");
        assertThat(r.getOutput()).contains("move → Junk");
    }

    @Test
    void rulesWithErrorsEvaluateNothing(QuarkusMainLauncher launcher) throws IOException {
        Files.writeString(tmp.resolve("r.yaml"), "rules:\n  - name: x\n");
        LaunchResult r = launcher.launch("rules", "test", "--rules", tmp.toString(), "samples/mail/06-spam.eml");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.getErrorOutput()).contains("r.yaml:2:5: error: rule 'x' needs 'when'");
        assertThat(r.getOutput()).doesNotContain("Junk");
    }
}
