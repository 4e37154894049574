package io.mailwarden.rules.load;

import io.mailwarden.plugin.ActionPlugin;
import io.mailwarden.plugin.CompileContext;
import io.mailwarden.plugin.Condition;
import io.mailwarden.plugin.ConditionPlugin;
import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import io.mailwarden.plugin.SourceLocation;
import io.mailwarden.plugin.Suggest;
import io.mailwarden.rules.PluginRegistry;
import io.mailwarden.rules.Rule;
import io.mailwarden.rules.match.Glob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.quartz.CronExpression;

/**
 * Compiles rule nodes through the plugin registry. Each part of a rule is compiled on its own, so one
 * run reports every mistake, not just the first.
 */
final class RuleCompiler implements CompileContext {

    static final List<String> RULE_KEYS =
            List.of("name", "description", "enabled", "accounts", "folders", "when", "then", "stop", "schedule");

    private final PluginRegistry registry;
    private final Path rulesDir;
    private final Path pluginsDir;
    private final List<Diagnostic> diagnostics;

    RuleCompiler(PluginRegistry registry, Path rulesDir, Path pluginsDir, List<Diagnostic> diagnostics) {
        this.registry = registry;
        this.rulesDir = rulesDir;
        this.pluginsDir = pluginsDir;
        this.diagnostics = diagnostics;
    }

    void error(ConfigException e) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, e.location(), e.getMessage()));
    }

    @Override
    public void warn(SourceLocation at, String message) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.WARNING, at, message));
    }

    @Override
    public Path rulesDir() {
        return rulesDir;
    }

    @Override
    public Path pluginsDir() {
        return pluginsDir;
    }

    /** The compiled rule, or null when it has errors (all of them recorded). */
    Rule rule(ConfigNode node) {
        int errorsBefore = errorCount();
        String name;
        try {
            node.asMap("a rule (name:, when:, then:)");
            name = node.require("name", "every rule").asNonBlank("a rule name").strip();
        } catch (ConfigException e) {
            error(e);
            return null;
        }
        return compileNamed(node, name, errorsBefore);
    }

    private Rule compileNamed(ConfigNode node, String name, int errorsBefore) {
        try {
            node.checkKeys("rule '" + name + "'", RULE_KEYS);
        } catch (ConfigException e) {
            error(e);
        }
        String description = attempt(() -> optionalString(node, "description"), "");
        boolean enabled = attempt(() -> node.get("enabled") == null || node.get("enabled").asBoolean("enabled"), true);
        boolean stopKey = attempt(() -> node.get("stop") != null && node.get("stop").asBoolean("stop"), false);
        List<String> accountGlobs = attempt(() -> globs(node.get("accounts"), "accounts"), List.of());
        List<String> folderGlobs = attempt(() -> globs(node.get("folders"), "folders"), List.of());
        String schedule = attempt(() -> schedule(node.get("schedule")), null);
        Condition when = attempt(() -> condition(node.require("when", "rule '" + name + "'")), null);
        List<Rule.RuleAction> then = new ArrayList<>();
        boolean stopAction = actions(node, name, then);
        if (errorCount() > errorsBefore) {
            return null;
        }
        Rule.Scope scope = new Rule.Scope(accountGlobs, patterns(accountGlobs), folderGlobs, patterns(folderGlobs));
        return new Rule(name, description, enabled, scope, when, List.copyOf(then), stopKey || stopAction, schedule,
                node.location());
    }

    private boolean actions(ConfigNode rule, String name, List<Rule.RuleAction> out) {
        boolean stop = false;
        try {
            ConfigNode then = rule.require("then", "rule '" + name + "'");
            List<ConfigNode> items = then.asList("actions");
            if (items.isEmpty()) {
                throw then.error("rule '" + name + "' has no actions under then:");
            }
            for (ConfigNode item : items) {
                try {
                    Map.Entry<String, ConfigNode> a = single(item, "an action");
                    if (a.getKey().equals("stop")) {
                        stop = true;
                        continue;
                    }
                    ActionPlugin plugin = registry.action(a.getKey());
                    if (plugin == null) {
                        throw new ConfigException(item.location(), "unknown action '" + a.getKey() + "'"
                                + hint(a.getKey(), registry.actionWords(), registry.condition(a.getKey()) != null,
                                        "a condition: put it under when:"));
                    }
                    out.add(new Rule.RuleAction(a.getKey(), plugin.compile(a.getValue(), this), item.location()));
                } catch (ConfigException e) {
                    error(e);
                }
            }
        } catch (ConfigException e) {
            error(e);
        }
        return stop;
    }

    @Override
    public Condition condition(ConfigNode node) throws ConfigException {
        if (node.isMap() && node.asMap("a condition").size() > 1) {
            // several conditions in one mapping: all of them must hold
            List<ConfigNode> parts = new ArrayList<>();
            for (String key : node.asMap("a condition").keySet()) {
                LinkedHashMap<String, ConfigNode> one = new LinkedHashMap<>();
                one.put(key, node.get(key));
                parts.add(ConfigNode.map(node.keyLocation(key), one, Map.of(key, node.keyLocation(key))));
            }
            return registry.condition("all").compile(ConfigNode.list(node.location(), parts), this);
        }
        Map.Entry<String, ConfigNode> c = single(node, "a condition");
        ConditionPlugin plugin = registry.condition(c.getKey());
        if (plugin == null) {
            List<String> names = registry.conditions().stream().map(ConditionPlugin::name).toList();
            throw new ConfigException(node.isMap() ? node.keyLocation(c.getKey()) : node.location(),
                    "unknown condition '" + c.getKey() + "'" + hint(c.getKey(), names,
                            registry.action(c.getKey()) != null, "an action: put it under then:"));
        }
        return plugin.compile(c.getValue(), this);
    }

    /** {@code mark-read} or {@code move: X}: a name alone, or a mapping with exactly one key. */
    private static Map.Entry<String, ConfigNode> single(ConfigNode node, String what) throws ConfigException {
        if (node.isScalar()) {
            return Map.entry(node.asString(what).strip(), ConfigNode.empty(node.location()));
        }
        if (node.isList()) {
            throw node.error("expected " + what + ", found a list (to combine conditions write all: or any: before the list)");
        }
        Map<String, ConfigNode> map = node.asMap(what);
        if (map.size() != 1) {
            throw node.error("expected " + what + " (one key), found " + (map.isEmpty() ? "none" : String.join(", ", map.keySet())));
        }
        return map.entrySet().iterator().next();
    }

    private static String hint(String typed, List<String> known, boolean isOtherKind, String otherKindHint) {
        return isOtherKind ? ": '" + typed + "' is " + otherKindHint : Suggest.didYouMean(typed, known);
    }

    private static String optionalString(ConfigNode node, String key) throws ConfigException {
        ConfigNode v = node.get(key);
        return v == null || v.isEmpty() ? "" : v.asString(key);
    }

    private static List<String> globs(ConfigNode node, String key) throws ConfigException {
        if (node == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (ConfigNode n : node.asList(key)) {
            out.add(n.asNonBlank("a name or glob for " + key).strip());
        }
        if (out.isEmpty()) {
            throw node.error(key + " is an empty list: leave it out to mean all");
        }
        return List.copyOf(out);
    }

    /** Plain names compare without a regex: scopes are tested for every rule and every message. */
    private static List<Predicate<String>> patterns(List<String> globs) {
        return globs.stream().<Predicate<String>>map(g -> Glob.isGlob(g) ? Glob.compile(g, false).asMatchPredicate()
                : v -> v.equalsIgnoreCase(g)).toList();
    }

    private static String schedule(ConfigNode node) throws ConfigException {
        if (node == null) {
            return null;
        }
        String cron = node.asNonBlank("a Quartz cron expression").strip();
        try {
            CronExpression.validateExpression(cron);
        } catch (java.text.ParseException e) {
            String fields = cron.split("\\s+").length == 5
                    ? " — Quartz cron has seconds first and needs ? in day-of-month or day-of-week, e.g. '0 0 2 * * ?' for 02:00 daily"
                    : "";
            throw node.error("bad schedule '" + cron + "': " + e.getMessage() + fields);
        }
        return cron;
    }

    private int errorCount() {
        return (int) diagnostics.stream().filter(Diagnostic::isError).count();
    }

    private interface Part<T> {
        T get() throws ConfigException;
    }

    private <T> T attempt(Part<T> part, T fallback) {
        try {
            return part.get();
        } catch (ConfigException e) {
            error(e);
            return fallback;
        }
    }
}
