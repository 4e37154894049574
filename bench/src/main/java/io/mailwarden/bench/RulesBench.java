package io.mailwarden.bench;

import io.mailwarden.message.MailItem;
import io.mailwarden.message.Message;
import io.mailwarden.message.parse.MessageParser;
import io.mailwarden.plan.Plan;
import io.mailwarden.rules.PluginRegistry;
import io.mailwarden.rules.RuleSet;
import io.mailwarden.rules.engine.RuleEngine;
import io.mailwarden.rules.load.Diagnostic;
import io.mailwarden.rules.load.LoadResult;
import io.mailwarden.rules.load.RuleLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Throughput of the rules engine and cost of MIME parsing, single-threaded. Not a test: run it with
 * {@code bench/rules-bench.sh}. Knobs (system properties): {@code bench.messages} (10000),
 * {@code bench.rounds} (10 timed engine rounds), {@code bench.seed} (42).
 *
 * <ol>
 *   <li>writes {@value BenchRules#RULES} generated rules as YAML and loads them through {@link RuleLoader};</li>
 *   <li>generates the raw messages and times {@link MessageParser#parse} over all of them (after a warm-up);</li>
 *   <li>times {@link RuleEngine#evaluate} over all the parsed messages, round after round, after a warm-up.</li>
 * </ol>
 */
public final class RulesBench {

    private static final Instant NOW = Instant.parse("2026-05-01T08:00:00Z");

    private RulesBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.getInteger("bench.messages", 10_000);
        int rounds = Integer.getInteger("bench.rounds", 10);
        long seed = Long.getLong("bench.seed", 42);
        System.out.printf(Locale.ROOT, "mailwarden rules bench: JDK %s (%s), %d CPU(s) visible, max heap %d MB%n",
                Runtime.version(), System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        RuleSet rules = loadRules(Files.createTempDirectory("mailwarden-bench-"));
        System.out.printf(Locale.ROOT, "rules: %d loaded from %d files%n", rules.rules().size(), rules.files().size());

        BenchMail gen = new BenchMail(seed, NOW);
        List<BenchMail.Raw> raws = new ArrayList<>(count);
        long rawBytes = 0;
        for (int i = 0; i < count; i++) {
            BenchMail.Raw r = gen.next(i);
            raws.add(r);
            rawBytes += r.bytes().length;
        }
        System.out.printf(Locale.ROOT, "messages: %d generated, %.1f MB raw, %.1f KB average%n",
                count, rawBytes / 1e6, rawBytes / 1024.0 / count);

        // parsing: one warm-up pass, then three timed passes; the last pass's messages are kept
        MessageParser parser = new MessageParser();
        Message[] parsed = new Message[count];
        parseAll(parser, raws, parsed);
        long[] parseNanos = new long[3];
        for (int r = 0; r < parseNanos.length; r++) {
            parseNanos[r] = parseAll(parser, raws, parsed);
        }
        Arrays.sort(parseNanos);
        double parseUs = parseNanos[1] / 1e3 / count;
        double parseMbs = rawBytes / 1e6 / (parseNanos[1] / 1e9);
        int problems = 0;
        List<MailItem> items = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BenchMail.Raw r = raws.get(i);
            problems += parsed[i].problems().isEmpty() ? 0 : 1;
            Set<String> flags = new HashSet<>();
            if (r.seen()) {
                flags.add("seen");
            }
            if (r.flagged()) {
                flags.add("flagged");
            }
            items.add(new MailItem(r.account(), r.folder(), i + 1, flags, Set.of(), null, parsed[i], null));
        }
        raws = null;
        System.out.printf(Locale.ROOT, "parse: %.1f us/message, %.1f MB/s (median of 3 passes; best %.1f us/message)%s%n",
                parseUs, parseMbs, parseNanos[0] / 1e3 / count,
                problems == 0 ? "" : ", " + problems + " message(s) with parse problems");

        // the engine: warm-up, then timed rounds over every message
        RuleEngine engine = new RuleEngine();
        long sink = 0;
        for (int w = 0; w < 5; w++) {
            sink += evaluateAll(engine, rules, items)[1];
        }
        long[] nanos = new long[rounds];
        long[] last = null;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            last = evaluateAll(engine, rules, items);
            nanos[r] = System.nanoTime() - t0;
            sink += last[1];
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double median = count / (sorted[rounds / 2] / 1e9);
        double best = count / (sorted[0] / 1e9);
        int ruleCount = rules.rules().size();
        System.out.printf(Locale.ROOT, "engine: %,.0f messages/s median, %,.0f best, over %d rounds of %d messages, one thread%n",
                median, best, rounds, count);
        System.out.printf(Locale.ROOT, "engine: %,.0f rule evaluations/s median (messages x %d rules), %.2f us/message%n",
                median * ruleCount, ruleCount, sorted[rounds / 2] / 1e3 / count);
        System.out.printf(Locale.ROOT, "engine: %d of %d messages got a non-empty plan, %d planned actions in all (sink %d)%n",
                last[0], count, last[1], sink);
        if (Boolean.getBoolean("bench.verbose")) {
            printRuleHits(engine, rules, items);
        }
        if (last[0] == 0 || last[0] == count) {
            System.out.println("FAILED sanity check: the rules should match some messages but not all");
            System.exit(2);
        }
        System.out.printf(Locale.ROOT, "RESULT rules_msgs_per_sec=%.0f rules_msgs_per_sec_best=%.0f rules=%d messages=%d "
                + "matched_msgs=%d parse_us_per_msg=%.1f parse_mb_per_sec=%.1f%n",
                median, best, ruleCount, count, last[0], parseUs, parseMbs);
    }

    private static RuleSet loadRules(Path tmp) throws Exception {
        Path dir = BenchRules.write(tmp.resolve("rules"));
        LoadResult result = new RuleLoader(PluginRegistry.builtins(), tmp.resolve("plugins")).load(dir);
        for (Diagnostic d : result.diagnostics()) {
            System.err.println(d);
        }
        if (!result.ok() || !result.errors().isEmpty()) {
            throw new IllegalStateException("the generated rules do not load (see above); they are in " + dir);
        }
        if (result.ruleSet().rules().size() != BenchRules.RULES) {
            throw new IllegalStateException("expected " + BenchRules.RULES + " rules, loaded " + result.ruleSet().rules().size());
        }
        return result.ruleSet();
    }

    /** How many messages each rule matched: to check the rule set stays realistic. */
    private static void printRuleHits(RuleEngine engine, RuleSet rules, List<MailItem> items) {
        java.util.Map<String, Integer> hits = new java.util.TreeMap<>();
        rules.rules().forEach(r -> hits.put(r.name(), 0));
        for (MailItem item : items) {
            engine.evaluate(rules, item, NOW).matchedRules().forEach(n -> hits.merge(n, 1, Integer::sum));
        }
        hits.forEach((name, n) -> System.out.printf(Locale.ROOT, "  %-10s %5d%n", name, n));
    }

    private static long parseAll(MessageParser parser, List<BenchMail.Raw> raws, Message[] out) {
        long t0 = System.nanoTime();
        for (int i = 0; i < out.length; i++) {
            out[i] = parser.parse(raws.get(i).bytes());
        }
        return System.nanoTime() - t0;
    }

    /** @return messages with a non-empty plan, and planned actions in all */
    private static long[] evaluateAll(RuleEngine engine, RuleSet rules, List<MailItem> items) {
        long matched = 0;
        long actions = 0;
        for (MailItem item : items) {
            Plan plan = engine.evaluate(rules, item, NOW);
            if (!plan.actions().isEmpty()) {
                matched++;
                actions += plan.actions().size();
            }
        }
        return new long[] {matched, actions};
    }
}
