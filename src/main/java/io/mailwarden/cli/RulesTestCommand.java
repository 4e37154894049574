package io.mailwarden.cli;

import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.message.MailItem;
import io.mailwarden.message.parse.MessageParser;
import io.mailwarden.rules.RuleLoaderFactory;
import io.mailwarden.rules.engine.RuleEngine;
import io.mailwarden.rules.engine.Trace;
import io.mailwarden.rules.load.LoadResult;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mailwarden rules test}: what the rules would do with some messages, touching nothing. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Show which rules match .eml files, why, and the planned actions (no side effects).",
        footer = {"", "Exit codes: 0 every message was evaluated, 1 the rules have errors (nothing evaluated),",
                "2 wrong usage, 3 a message file could not be read (the others are still evaluated)."})
public class RulesTestCommand implements Callable<Integer> {

    @Mixin
    RulesOptions options;

    @Option(names = "--account", paramLabel = "NAME", defaultValue = "default",
            description = "Account the messages are taken to be in (default: ${DEFAULT-VALUE})")
    String account;

    @Option(names = "--folder", paramLabel = "FOLDER", defaultValue = "INBOX",
            description = "Folder the messages are taken to be in (default: ${DEFAULT-VALUE})")
    String folder;

    @Option(names = "--now", paramLabel = "INSTANT", description = "Evaluate as if it were this time (ISO-8601), for age conditions")
    Instant now;

    @Option(names = "--json", description = "Print JSON instead of text")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Also show rules that did not match, and why")
    boolean verbose;

    @Parameters(paramLabel = "MESSAGE.eml", arity = "1..*", description = "Raw RFC 5322 messages")
    List<Path> messages;

    @Spec
    CommandSpec spec;

    @Inject
    RuleLoaderFactory loaders;

    @Inject
    RuleEngine engine;

    @Inject
    MailwardenConfig config;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadResult result = options.load(loaders, config);
        if (!result.ok()) {
            RulesOptions.print(result, err);
            err.printf("%d error(s): fix the rules first (mailwarden rules check)%n", result.errors().size());
            err.flush();
            return 1;
        }
        RulesOptions.print(result, err);
        MessageParser parser = new MessageParser();
        Instant at = now != null ? now : Instant.now();
        List<TestReport.Case> cases = new ArrayList<>();
        int unreadable = 0;
        for (Path file : messages) {
            try {
                byte[] raw = Files.readAllBytes(file);
                MailItem item = MailItem.fromFile(account, folder, parser.parse(raw), file);
                Trace trace = engine.trace(result.ruleSet(), item, at);
                cases.add(new TestReport.Case(file, item, trace));
            } catch (IOException e) {
                err.println(file + ": cannot read: " + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
                unreadable++;
            }
        }
        err.flush();
        if (json) {
            out.println(TestReport.json(cases));
        } else {
            cases.forEach(c -> TestReport.text(c, verbose, out));
        }
        out.flush();
        return unreadable > 0 ? 3 : 0;
    }
}
