package io.mailwarden.rules.load;

import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import io.mailwarden.plugin.SourceLocation;
import io.mailwarden.rules.PluginRegistry;
import io.mailwarden.rules.Rule;
import io.mailwarden.rules.RuleSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads every {@code *.yaml} / {@code *.yml} file of a rules directory, in name order, into one
 * {@link RuleSet}. All problems of all files are collected, each with file, line and column; a set
 * with any error is not returned at all.
 */
public final class RuleLoader {

    private final PluginRegistry registry;
    private final Path pluginsDir;
    private final Clock clock;

    public RuleLoader(PluginRegistry registry, Path pluginsDir) {
        this(registry, pluginsDir, Clock.systemUTC());
    }

    public RuleLoader(PluginRegistry registry, Path pluginsDir, Clock clock) {
        this.registry = registry;
        this.pluginsDir = pluginsDir;
        this.clock = clock;
    }

    public LoadResult load(Path dir) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<Path> files;
        try {
            files = ruleFiles(dir);
        } catch (IOException e) {
            diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, new SourceLocation(dir.toString(), 1, 1),
                    Files.isDirectory(dir) ? "cannot list the rules directory: " + e.getMessage()
                            : "the rules directory does not exist"));
            return new LoadResult(null, diagnostics);
        }
        RuleCompiler compiler = new RuleCompiler(registry, dir, pluginsDir, diagnostics);
        List<Rule> rules = new ArrayList<>();
        Map<String, SourceLocation> names = new HashMap<>();
        for (Path file : files) {
            String shown = file.toString();
            ConfigNode root;
            try {
                root = YamlFiles.read(file, shown);
            } catch (ConfigException e) {
                compiler.error(e);
                continue;
            }
            for (ConfigNode ruleNode : ruleNodes(root, compiler)) {
                checkUniqueName(ruleNode, names, compiler);
                Rule rule = compiler.rule(ruleNode);
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        boolean failed = diagnostics.stream().anyMatch(Diagnostic::isError);
        RuleSet set = failed ? null : new RuleSet(List.copyOf(rules), List.copyOf(files), clock.instant());
        return new LoadResult(set, List.copyOf(diagnostics));
    }

    /** Checked before compiling, so a clash is reported even when the first rule of that name has errors. */
    private static void checkUniqueName(ConfigNode rule, Map<String, SourceLocation> names, RuleCompiler compiler) {
        ConfigNode name = rule.isMap() ? rule.get("name") : null;
        if (name == null || !name.isScalar()) {
            return;
        }
        String n = name.toPlain().toString().strip();
        SourceLocation first = names.putIfAbsent(n, name.location());
        if (first != null) {
            compiler.error(new ConfigException(name.location(), "duplicate rule name '" + n + "': already used at "
                    + first + " (names must be unique across all rule files)"));
        }
    }

    private static List<ConfigNode> ruleNodes(ConfigNode root, RuleCompiler compiler) {
        try {
            if (root.isEmpty()) {
                compiler.warn(root.location(), "the file holds no rules");
                return List.of();
            }
            root.asMap("a rule file starting with 'rules:'");
            root.checkKeys("a rule file", List.of("rules"));
            ConfigNode list = root.require("rules", "a rule file");
            if (list.isEmpty()) {
                compiler.warn(list.location(), "'rules:' is empty");
                return List.of();
            }
            if (!list.isList()) {
                throw list.error("'rules:' must be a list: start each rule with '- name: ...'");
            }
            return list.asList("rules");
        } catch (ConfigException e) {
            compiler.error(e);
            return List.of();
        }
    }

    static List<Path> ruleFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString();
                        return !n.startsWith(".") && (n.endsWith(".yaml") || n.endsWith(".yml"));
                    })
                    .sorted()
                    .toList();
        }
    }
}
