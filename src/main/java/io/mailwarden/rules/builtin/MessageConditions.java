package io.mailwarden.rules.builtin;

import io.mailwarden.message.Message;
import io.mailwarden.plan.Durations;
import io.mailwarden.plugin.CompileContext;
import io.mailwarden.plugin.Condition;
import io.mailwarden.plugin.ConditionPlugin;
import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import io.mailwarden.plugin.Facts;
import io.mailwarden.rules.match.Matchers;
import io.mailwarden.rules.match.Sizes;
import io.mailwarden.rules.match.TextMatcher;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** size, age and date, flags and keywords, folder and account. */
final class MessageConditions {

    private static final Set<String> FLAGS = Set.of("seen", "answered", "flagged", "deleted", "draft");

    private MessageConditions() {
    }

    static List<ConditionPlugin> all() {
        return List.of(
                Defs.condition("always", "every message in the rule's scope (when: always)", (config, ctx) -> {
                    BasicActions.noArgument(config, "always");
                    return Defs.onHeaders(f -> true, f -> "always");
                }),
                Defs.condition("size", "message size: { larger-than: 5MB, smaller-than: 20MB }", MessageConditions::size),
                Defs.condition("older-than", "the message is older than a duration: 30d, 12h, 2w",
                        (c, ctx) -> age(c, true)),
                Defs.condition("newer-than", "the message is newer than a duration", (c, ctx) -> age(c, false)),
                Defs.condition("date", "the message date: { after: 2025-01-01, before: 2025-07-01 }",
                        MessageConditions::date),
                Defs.condition("flag", "all of these flags are set: seen, answered, flagged, deleted, draft",
                        MessageConditions::flag),
                Defs.condition("keyword", "an IMAP keyword: equals (default) or any other test", (config, ctx) -> {
                    TextMatcher m = Matchers.compile(config, "equals", "keyword");
                    return Defs.onHeaders(f -> f.item().keywords().stream().anyMatch(k -> m.test(k, f)),
                            f -> "keyword " + m.describe() + " (" + f.item().keywords() + ")");
                }),
                Defs.condition("folder", "the folder: glob (default) or any other test", (config, ctx) -> {
                    TextMatcher m = Matchers.compile(config, "glob", "folder");
                    return Defs.onHeaders(f -> m.test(f.item().folder(), f), f -> "folder " + m.describe());
                }),
                Defs.condition("account", "the account: glob (default) or any other test", (config, ctx) -> {
                    TextMatcher m = Matchers.compile(config, "glob", "account");
                    return Defs.onHeaders(f -> m.test(f.item().account(), f), f -> "account " + m.describe());
                }));
    }

    private static Condition size(ConfigNode config, CompileContext ctx) throws ConfigException {
        config.asMap("size bounds such as { larger-than: 5MB }");
        config.checkKeys("size", List.of("larger-than", "smaller-than"));
        long larger = config.get("larger-than") == null ? -1 : Sizes.parse(config.get("larger-than"), "larger-than");
        long smaller = config.get("smaller-than") == null ? Long.MAX_VALUE
                : Sizes.parse(config.get("smaller-than"), "smaller-than");
        if (larger < 0 && smaller == Long.MAX_VALUE) {
            throw config.error("size needs larger-than or smaller-than");
        }
        return Defs.onHeaders(f -> f.message().size() > larger && f.message().size() < smaller,
                f -> "size " + f.message().size() + " bytes is within bounds");
    }

    /** The message's time: the server's INTERNALDATE, else its Date header. */
    static Instant when(Facts f) {
        if (f.item().internalDate() != null) {
            return f.item().internalDate();
        }
        Message m = f.message();
        return m.date() == null ? null : m.date().toInstant();
    }

    private static Condition age(ConfigNode config, boolean older) throws ConfigException {
        String name = older ? "older-than" : "newer-than";
        Duration d = Durations.parse(config.asString("a duration such as 30d for " + name));
        if (d == null) {
            throw config.error("expected a duration such as 30d, 12h, 2w or 90m for " + name + ", found '"
                    + config.asString(name) + "'");
        }
        return Defs.onHeaders(f -> {
            Instant t = when(f);
            if (t == null) {
                return false;
            }
            Instant cut = f.now().minus(d);
            return older ? t.isBefore(cut) : t.isAfter(cut);
        }, f -> name + " " + Durations.format(d) + " (dated " + when(f) + ")");
    }

    private static Condition date(ConfigNode config, CompileContext ctx) throws ConfigException {
        config.asMap("date bounds such as { after: 2025-01-01 }");
        config.checkKeys("date", List.of("after", "before"));
        Instant after = config.get("after") == null ? null : instant(config.get("after"));
        Instant before = config.get("before") == null ? null : instant(config.get("before"));
        if (after == null && before == null) {
            throw config.error("date needs after or before");
        }
        return Defs.onHeaders(f -> {
            Instant t = when(f);
            return t != null && (after == null || !t.isBefore(after)) && (before == null || t.isBefore(before));
        }, f -> "date " + when(f) + " is within bounds");
    }

    private static Instant instant(ConfigNode node) throws ConfigException {
        String s = node.asString("a date such as 2025-01-01").strip();
        try {
            return s.length() <= 10 ? LocalDate.parse(s).atStartOfDay(ZoneId.systemDefault()).toInstant()
                    : OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw node.error("expected a date such as 2025-01-01 or 2025-01-01T09:00:00+08:00, found '" + s + "'");
        }
    }

    private static Condition flag(ConfigNode config, CompileContext ctx) throws ConfigException {
        List<String> wanted = new ArrayList<>();
        for (ConfigNode n : config.asList("flags")) {
            String flag = n.asNonBlank("a flag").strip().toLowerCase(Locale.ROOT).replace("\\", "");
            if (!FLAGS.contains(flag)) {
                throw n.error("unknown flag '" + flag + "'" + io.mailwarden.plugin.Suggest.didYouMean(flag, FLAGS)
                        + " (flags: seen, answered, flagged, deleted, draft; use keyword: for others)");
            }
            wanted.add(flag);
        }
        List<String> all = List.copyOf(wanted);
        return Defs.onHeaders(f -> f.item().flags().containsAll(all), f -> "flags " + all + " are set");
    }
}
