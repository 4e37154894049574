package io.mailwarden.cli;

import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.plugin.ActionPlugin;
import io.mailwarden.plugin.ConditionPlugin;
import io.mailwarden.rules.PluginRegistry;
import io.mailwarden.rules.RuleLoaderFactory;
import io.mailwarden.rules.load.LoadResult;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mailwarden rules check}: validates every rule file. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate the rule files; every problem names file:line:column.",
        footer = {"", "Exit codes: 0 the rules are valid (warnings allowed), 1 errors found, 2 wrong usage."})
public class RulesCheckCommand implements Callable<Integer> {

    @Mixin
    RulesOptions options;

    @Option(names = "--list", description = "List every condition and action that rules can use.")
    boolean list;

    @Spec
    CommandSpec spec;

    @Inject
    RuleLoaderFactory loaders;

    @Inject
    PluginRegistry registry;

    @Inject
    MailwardenConfig config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (list) {
            out.println("Conditions (under when:):");
            for (ConditionPlugin c : registry.conditions()) {
                out.printf("  %-16s %s%n", c.name(), c.summary());
            }
            out.println("Actions (under then:):");
            for (ActionPlugin a : registry.actions()) {
                out.printf("  %-16s %s%n", a.name(), a.summary());
            }
            out.printf("  %-16s %s%n", "stop", "no later rule runs for this message");
            out.flush();
            return 0;
        }
        LoadResult result = options.load(loaders, config);
        RulesOptions.print(result, out);
        if (!result.ok()) {
            out.printf("%d error(s), %d warning(s): the rules were not loaded%n", result.errors().size(),
                    result.warnings().size());
            out.flush();
            return 1;
        }
        out.printf("OK: %d rule(s) in %d file(s), %d warning(s)%n", result.ruleSet().rules().size(),
                result.ruleSet().files().size(), result.warnings().size());
        out.flush();
        return 0;
    }
}
