package io.mailwarden.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.MailItem;
import io.mailwarden.message.parse.MessageParser;
import io.mailwarden.plan.Plan;
import io.mailwarden.rules.engine.RuleEngine;
import io.mailwarden.rules.load.LoadResult;
import io.mailwarden.rules.load.RuleLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exec plugins through rules: the shipped large-amount example, a failing plugin, a missing one. */
class ExecRulesTest {

    /** The repository's plugins directory, relative as in the default configuration. */
    private static final Path SHIPPED_PLUGINS = Path.of("plugins");
    private static final Instant NOW = Instant.parse("2024-12-03T02:00:00Z");
    private static final String BIG_MONEY = """
            rules:
              - name: big-money
                when:
                  exec: { plugin: large-amount, args: ["10000"] }
                then:
                  - flag
            """;

    @TempDir
    Path dir;

    @Test
    void largeAmountMatchesAnEnglishInvoiceOverTheThreshold() throws IOException {
        Plan plan = evaluate(BIG_MONEY, SHIPPED_PLUGINS, mail("Invoice INV-2024-117",
                "Dear customer,\n\nOrder 20241203 is ready.\nTotal: $12,500.00\nCall 555-0100 with questions.\n"));
        assertThat(plan.matchedRules()).containsExactly("big-money");
        assertThat(plan.actions().getFirst().because()).startsWith("exec large-amount said yes: amount 12,500");
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void largeAmountMatchesChineseAmounts() throws IOException {
        assertThat(evaluate(BIG_MONEY, SHIPPED_PLUGINS, mail("发票", "您好，\n金额：12,500.00 元\n")).matchedRules())
                .containsExactly("big-money");
        assertThat(evaluate(BIG_MONEY, SHIPPED_PLUGINS, mail("合同", "合同总价为人民币 5万元整。\n")).matchedRules())
                .containsExactly("big-money");
        assertThat(evaluate(BIG_MONEY, SHIPPED_PLUGINS, mail("报销", "合计 ￥１２，０００\n")).matchedRules())
                .as("full-width digits and yen sign").containsExactly("big-money");
    }

    @Test
    void largeAmountDoesNotMatchSmallAmountsOrNumbersThatAreNotMoney() throws IOException {
        assertThat(evaluate(BIG_MONEY, SHIPPED_PLUGINS, mail("报销", "合计 ¥3,000\n")).matchedRules()).isEmpty();
        assertThat(evaluate(BIG_MONEY, SHIPPED_PLUGINS, mail("Receipt", "Total: $99.50\n")).matchedRules()).isEmpty();
        Plan plan = evaluate(BIG_MONEY, SHIPPED_PLUGINS,
                mail("Shipping 123456", "Order 20241203 shipped, tracking 9400111899223, phone 13800138000.\n"));
        assertThat(plan.matchedRules()).isEmpty();
        assertThat(plan.notes()).isEmpty();
    }

    @Test
    void aFailingExecPluginIsNoMatchAndANote() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path broken = plugins.resolve("broken");
        Files.writeString(broken, "#!/bin/sh\necho 'model file missing' >&2\nexit 1\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwx------"));
        Plan plan = evaluate(BIG_MONEY.replace("large-amount", "broken"), plugins, mail("Invoice", "Total: $12,500.00\n"));
        assertThat(plan.matchedRules()).isEmpty();
        assertThat(plan.notes()).containsExactly("exec plugin broken exited with status 1; it said: model file missing");
    }

    @Test
    void aRuleNamingAMissingPluginFailsToLoadAtThePluginName() throws IOException {
        LoadResult result = load(BIG_MONEY.replace("large-amount", "no-such-plugin"), dir.resolve("plugins"));
        assertThat(result.ok()).isFalse();
        assertThat(result.errors()).singleElement().hasToString(dir.resolve("rules/money.yaml") + ":4:23: error: "
                + "no exec plugin 'no-such-plugin': " + dir.resolve("plugins/no-such-plugin")
                + " does not exist or is not a file");
    }

    private Plan evaluate(String rules, Path pluginsDir, String raw) throws IOException {
        LoadResult result = load(rules, pluginsDir);
        assertThat(result.errors()).isEmpty();
        var message = new MessageParser().parse(raw.getBytes(StandardCharsets.UTF_8));
        return new RuleEngine().evaluate(result.ruleSet(), MailItem.fromFile("work", "INBOX", message, null), NOW);
    }

    private LoadResult load(String rules, Path pluginsDir) throws IOException {
        Path rulesDir = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rulesDir.resolve("money.yaml"), rules);
        return new RuleLoader(PluginRegistry.builtins(), pluginsDir).load(rulesDir);
    }

    /** A UTF-8 message with raw 8-bit headers and body, as many Chinese mailers send. */
    private static String mail(String subject, String body) {
        return ("From: billing@example.com\nTo: finance@example.cn\nSubject: " + subject
                + "\nDate: Tue, 3 Dec 2024 10:00:00 +0800\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n" + body)
                .replace("\n", "\r\n");
    }
}
