package io.mailwarden.rules.builtin;

import static io.mailwarden.rules.builtin.Defs.quote;

import io.mailwarden.message.Attachment;
import io.mailwarden.plugin.Condition;
import io.mailwarden.plugin.ConditionPlugin;
import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import io.mailwarden.plugin.Facts;
import io.mailwarden.rules.match.Matchers;
import io.mailwarden.rules.match.Sizes;
import io.mailwarden.rules.match.TextMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * attachment, has-attachment and attachment-count. An attachment test holds when one attachment
 * passes every key given:
 * <pre>
 *   attachment: "*.pdf"                                  # file name glob
 *   attachment: { name: "*.xlsx", type: "application/*", max-size: 10MB, text-contains: 发票 }
 * </pre>
 * Attachment text comes from the extractor the parser was given (text types now; Tika with the archive).
 */
final class AttachmentConditions {

    private static final List<String> KEYS = List.of("name", "type", "min-size", "max-size", "text", "text-contains");

    private AttachmentConditions() {
    }

    static List<ConditionPlugin> all() {
        return List.of(
                Defs.condition("attachment", "an attachment by name (glob), type, min-size, max-size, text, text-contains",
                        AttachmentConditions::attachment),
                Defs.condition("has-attachment", "true when the message has at least one attachment (false: none)",
                        (config, ctx) -> {
                            boolean want = Defs.flagValue(config, "has-attachment");
                            return Defs.onHeaders(f -> f.message().attachments().isEmpty() != want,
                                    f -> want ? "has " + f.message().attachments().size() + " attachment(s)" : "has no attachment");
                        }),
                Defs.condition("attachment-count", "number of attachments: a number, or { min: N, max: M }",
                        AttachmentConditions::count));
    }

    private record Test(String shown, BiPredicate<Attachment, Facts> test) {
    }

    private static Condition attachment(ConfigNode config, io.mailwarden.plugin.CompileContext ctx) throws ConfigException {
        List<Test> tests = new ArrayList<>();
        if (config.isScalar() || config.isList()) {
            TextMatcher m = Matchers.compile(config, "glob", "attachment name");
            tests.add(new Test("name " + m.describe(), (a, f) -> m.test(a.filename(), f)));
        } else {
            config.asMap("attachment tests");
            config.checkKeys("attachment", KEYS);
            if (config.get("text") != null && config.get("text-contains") != null) {
                throw config.get("text-contains").error("attachment: give text or text-contains, not both");
            }
            for (String key : config.asMap("attachment tests").keySet()) {
                ConfigNode v = config.get(key);
                switch (key) {
                    case "name" -> {
                        TextMatcher m = Matchers.compile(v, "glob", "attachment name");
                        tests.add(new Test("name " + m.describe(), (a, f) -> m.test(a.filename(), f)));
                    }
                    case "type" -> {
                        TextMatcher m = Matchers.compile(v, "glob", "attachment type");
                        tests.add(new Test("type " + m.describe(), (a, f) -> m.test(a.mediaType(), f)));
                    }
                    case "min-size" -> {
                        long min = Sizes.parse(v, "min-size");
                        tests.add(new Test("at least " + Sizes.format(min), (a, f) -> a.size() >= min));
                    }
                    case "max-size" -> {
                        long max = Sizes.parse(v, "max-size");
                        tests.add(new Test("at most " + Sizes.format(max), (a, f) -> a.size() <= max));
                    }
                    default -> {
                        TextMatcher m = Matchers.compile(v, "contains", "attachment text");
                        tests.add(new Test("text " + m.describe(), (a, f) -> m.test(a.extractedText(), f)));
                    }
                }
            }
            if (tests.isEmpty()) {
                throw config.error("attachment needs at least one of " + String.join(", ", KEYS));
            }
        }
        List<Test> all = List.copyOf(tests);
        // names, types and sizes come from BODYSTRUCTURE; only the text needs the attachment itself
        boolean readsText = config.isMap() && (config.get("text") != null || config.get("text-contains") != null);
        return Defs.test(f -> find(f, all) != null, f -> {
            Attachment a = find(f, all);
            List<String> shown = all.stream().map(Test::shown).toList();
            return "attachment " + String.join(" and ", shown) + " (" + quote(a.filename()) + ", " + a.mediaType() + ")";
        }, readsText);
    }

    private static Attachment find(Facts f, List<Test> tests) {
        // cheap tests run first within each attachment because they were written first; text is lazy
        for (Attachment a : f.message().attachments()) {
            boolean ok = true;
            for (Test t : tests) {
                if (!t.test().test(a, f)) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                return a;
            }
        }
        return null;
    }

    private static Condition count(ConfigNode config, io.mailwarden.plugin.CompileContext ctx) throws ConfigException {
        int min;
        int max;
        if (config.isScalar()) {
            min = config.asInt("attachment-count");
            max = min;
        } else {
            config.asMap("attachment-count");
            config.checkKeys("attachment-count", List.of("min", "max"));
            min = config.get("min") == null ? 0 : config.get("min").asInt("min");
            max = config.get("max") == null ? Integer.MAX_VALUE : config.get("max").asInt("max");
            if (min > max) {
                throw config.error("attachment-count: min " + min + " is larger than max " + max);
            }
        }
        return Defs.onHeaders(f -> {
            int n = f.message().attachments().size();
            return n >= min && n <= max;
        }, f -> "attachment-count is " + f.message().attachments().size());
    }
}
