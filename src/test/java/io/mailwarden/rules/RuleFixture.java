package io.mailwarden.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.message.MailItem;
import io.mailwarden.message.Message;
import io.mailwarden.message.parse.MessageParser;
import io.mailwarden.plan.Plan;
import io.mailwarden.plan.Step;
import io.mailwarden.rules.engine.RuleEngine;
import io.mailwarden.rules.load.LoadResult;
import io.mailwarden.rules.load.RuleLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Writes rule files into a directory, loads them, and evaluates messages written as text. */
public final class RuleFixture {

    public static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

    private final Path dir;
    private final RuleEngine engine = new RuleEngine();
    private final MessageParser parser = new MessageParser();
    private PluginRegistry registry = PluginRegistry.builtins();

    public RuleFixture(Path dir) {
        this.dir = dir;
    }

    public RuleFixture registry(PluginRegistry registry) {
        this.registry = registry;
        return this;
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code rules/NAME} with the given YAML. */
    public RuleFixture file(String name, String yaml) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, yaml, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a file holding one rule list. */
    public RuleFixture rules(String yamlRules) {
        return file("rules.yaml", "rules:\n" + yamlRules.stripIndent().indent(2));
    }

    public LoadResult load() {
        return new RuleLoader(registry, dir.resolve("plugins")).load(dir);
    }

    public RuleSet loaded() {
        LoadResult r = load();
        assertThat(r.errors()).as("rule errors").isEmpty();
        return r.ruleSet();
    }

    public Message parse(String raw) {
        return parser.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    public Plan plan(String raw) {
        return plan(item(raw, "INBOX", Set.of()));
    }

    public Plan plan(MailItem item) {
        return engine.evaluate(loaded(), item, NOW);
    }

    public MailItem item(String raw, String folder, Set<String> flags) {
        return new MailItem("work", folder, 7, flags, Set.of(), null, parse(raw), null);
    }

    /** The steps of a plan, as {@code rules test} describes them. */
    public static List<String> steps(Plan plan) {
        return plan.actions().stream().map(a -> a.step().describe()).toList();
    }

    /** Whether the plan holds the step. */
    public static boolean has(Plan plan, Step step) {
        return plan.actions().stream().anyMatch(a -> a.step().equals(step));
    }

    /** A plain message; headers are given one per line, body after a blank line. */
    public static String mail(String headers, String body) {
        return headers.strip() + "\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n";
    }
}
