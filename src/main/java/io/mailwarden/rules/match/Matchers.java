package io.mailwarden.rules.match;

import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import io.mailwarden.plugin.Facts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles the matcher part of a condition, once, at load time. Forms an admin can write:
 * <pre>
 *   subject: 发票                           # the condition's default test (contains, for text)
 *   subject: [发票, invoice]                # any of them
 *   subject: { regex: "^(RE|回复):" }
 *   subject: { equals: Report, case-sensitive: true }
 * </pre>
 * Tests: contains, equals, starts-with, ends-with, glob, regex, in-list. Case-insensitive and
 * Unicode-aware unless {@code case-sensitive: true}.
 */
public final class Matchers {

    public static final List<String> KINDS =
            List.of("contains", "equals", "starts-with", "ends-with", "glob", "regex", "in-list");
    static final String CASE_SENSITIVE = "case-sensitive";
    private static final long REGEX_BUDGET = 2_000_000;

    private Matchers() {
    }

    /** Compiles {@code node} (scalar, list or mapping) with {@code defaultKind} for the short forms. */
    public static TextMatcher compile(ConfigNode node, String defaultKind, String what) throws ConfigException {
        if (node.isScalar()) {
            return of(defaultKind, node, false, what);
        }
        if (node.isList()) {
            return of(defaultKind.equals("equals") ? "in-list" : defaultKind, node, false, what);
        }
        var map = node.asMap(what);
        List<String> allowed = new ArrayList<>(KINDS);
        allowed.add(CASE_SENSITIVE);
        node.checkKeys(what, allowed);
        boolean caseSensitive = node.get(CASE_SENSITIVE) != null && node.get(CASE_SENSITIVE).asBoolean(CASE_SENSITIVE);
        String kind = null;
        for (String k : map.keySet()) {
            if (KINDS.contains(k)) {
                if (kind != null) {
                    throw new ConfigException(node.keyLocation(k), what + " takes one test, found both '"
                            + kind + "' and '" + k + "': combine them with all/any");
                }
                kind = k;
            }
        }
        if (kind == null) {
            throw node.error(what + " needs one of " + String.join(", ", KINDS));
        }
        return of(kind, map.get(kind), caseSensitive, what);
    }

    /** A matcher of one kind over the value or values of {@code node} (any of them). */
    public static TextMatcher of(String kind, ConfigNode node, boolean caseSensitive, String what)
            throws ConfigException {
        List<ConfigNode> values = node.asList(kind + " values");
        if (values.isEmpty()) {
            throw node.error(what + ": the list of values is empty");
        }
        if (kind.equals("in-list")) {
            Set<String> set = new HashSet<>();
            List<String> shown = new ArrayList<>();
            for (ConfigNode v : values) {
                String s = v.asNonBlank("a value for in-list");
                shown.add(s);
                set.add(caseSensitive ? s : s.toLowerCase(Locale.ROOT));
            }
            return new Simple("in-list " + shown, caseSensitive, x -> set.contains(x));
        }
        List<TextMatcher> each = new ArrayList<>(values.size());
        for (ConfigNode v : values) {
            each.add(single(kind, v, caseSensitive));
        }
        return each.size() == 1 ? each.get(0) : anyOf(each);
    }

    private static TextMatcher single(String kind, ConfigNode node, boolean cs) throws ConfigException {
        String raw = node.asString("text to match");
        if (raw.isEmpty()) {
            throw node.error(kind + " needs a non-empty value");
        }
        String v = cs ? raw : raw.toLowerCase(Locale.ROOT);
        String shown = kind + " \"" + raw + "\"";
        return switch (kind) {
            case "contains" -> new Simple(shown, cs, x -> x.contains(v));
            case "equals" -> new Simple(shown, cs, x -> x.equals(v));
            case "starts-with" -> new Simple(shown, cs, x -> x.startsWith(v));
            case "ends-with" -> new Simple(shown, cs, x -> x.endsWith(v));
            case "glob" -> regex(shown, Glob.compile(raw, cs), true);
            case "regex" -> {
                try {
                    int flags = Pattern.UNICODE_CHARACTER_CLASS | (cs ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                    yield regex(shown, Pattern.compile(raw, flags), false);
                } catch (PatternSyntaxException e) {
                    throw node.error("bad regular expression: " + e.getDescription() + " near index "
                            + e.getIndex() + " of \"" + raw + "\"");
                }
            }
            default -> throw node.error("unknown test '" + kind + "'");
        };
    }

    public static TextMatcher anyOf(List<TextMatcher> matchers) {
        List<TextMatcher> copy = List.copyOf(matchers);
        StringBuilder shown = new StringBuilder("any of (");
        for (int i = 0; i < copy.size(); i++) {
            shown.append(i == 0 ? "" : ", ").append(copy.get(i).describe());
        }
        String description = shown.append(')').toString();
        return new TextMatcher() {
            @Override
            public boolean test(String value, Facts facts) {
                for (TextMatcher m : copy) {
                    if (m.test(value, facts)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    private static TextMatcher regex(String shown, Pattern p, boolean whole) {
        return new TextMatcher() {
            @Override
            public boolean test(String value, Facts facts) {
                try {
                    CharSequence text = new BoundedText(value, REGEX_BUDGET + 50L * value.length());
                    return whole ? p.matcher(text).matches() : p.matcher(text).find();
                } catch (BoundedText.BudgetExceeded | StackOverflowError e) {
                    return false;
                }
            }

            @Override
            public String describe() {
                return shown;
            }
        };
    }

    /** A test on the (possibly lower-cased) value. */
    private record Simple(String describe, boolean caseSensitive, java.util.function.Predicate<String> p)
            implements TextMatcher {
        @Override
        public boolean test(String value, Facts facts) {
            String v = caseSensitive ? value : facts != null ? facts.lower(value) : value.toLowerCase(Locale.ROOT);
            return p.test(v);
        }
    }
}
