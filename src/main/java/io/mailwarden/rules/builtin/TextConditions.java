package io.mailwarden.rules.builtin;

import static io.mailwarden.rules.builtin.Defs.quote;

import io.mailwarden.plugin.ConditionPlugin;
import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import io.mailwarden.plugin.Facts;
import io.mailwarden.rules.match.Matchers;
import io.mailwarden.rules.match.TextMatcher;
import java.util.ArrayList;
import java.util.List;

/** subject, body and header tests. */
final class TextConditions {

    private TextConditions() {
    }

    static List<ConditionPlugin> all() {
        return List.of(
                Defs.condition("subject", "the subject: contains (default), equals, starts-with, ends-with, glob, regex, in-list",
                        (config, ctx) -> {
                            TextMatcher m = Matchers.compile(config, "contains", "subject");
                            return Defs.onHeaders(f -> m.test(f.message().subject(), f),
                                    f -> "subject " + m.describe() + " (" + quote(f.message().subject()) + ")");
                        }),
                Defs.condition("body", "the body text (HTML reduced to text): same tests as subject",
                        (config, ctx) -> {
                            TextMatcher m = Matchers.compile(config, "contains", "body");
                            return Defs.test(f -> m.test(f.message().text(), f), f -> "body " + m.describe());
                        }),
                Defs.condition("header", "any header by name: exists, or the tests of subject on its values",
                        TextConditions::header));
    }

    private static io.mailwarden.plugin.Condition header(ConfigNode config, io.mailwarden.plugin.CompileContext ctx)
            throws ConfigException {
        config.asMap("header test such as { name: X-Spam-Flag, equals: YES }");
        List<String> allowed = new ArrayList<>(List.of("name", "exists", "case-sensitive"));
        allowed.addAll(Matchers.KINDS);
        config.checkKeys("header", allowed);
        String name = config.require("name", "header").asNonBlank("a header name").strip();
        if (!name.matches("[\\x21-\\x39\\x3b-\\x7e]+")) {
            throw config.get("name").error("'" + name + "' is not a header name (letters, digits and dashes, no colon)");
        }
        ConfigNode exists = config.get("exists");
        boolean hasTest = Matchers.KINDS.stream().anyMatch(k -> config.get(k) != null);
        if (exists != null && hasTest) {
            throw exists.error("header: give either exists or a test on the value, not both");
        }
        if (!hasTest) {
            boolean want = exists == null || exists.asBoolean("exists");
            return Defs.onHeaders(f -> f.message().headers().has(name) == want,
                    f -> "header " + name + (want ? " is present" : " is absent"));
        }
        var sub = new java.util.LinkedHashMap<String, ConfigNode>();
        var keys = new java.util.HashMap<String, io.mailwarden.plugin.SourceLocation>();
        for (var e : config.asMap("header").entrySet()) {
            if (!e.getKey().equals("name")) {
                sub.put(e.getKey(), e.getValue());
                keys.put(e.getKey(), config.keyLocation(e.getKey()));
            }
        }
        TextMatcher m = Matchers.compile(ConfigNode.map(config.location(), sub, keys), "contains", "header " + name);
        return Defs.onHeaders(f -> firstMatch(f, name, m) != null,
                f -> "header " + name + " " + m.describe() + " (" + quote(firstMatch(f, name, m)) + ")");
    }

    private static String firstMatch(Facts f, String name, TextMatcher m) {
        for (String v : f.message().headers().values(name)) {
            if (m.test(v, f)) {
                return v;
            }
        }
        return null;
    }
}
