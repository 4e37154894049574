package io.mailwarden.rules.builtin;

import io.mailwarden.plan.Step;
import io.mailwarden.plugin.ActionPlugin;
import io.mailwarden.plugin.CompileContext;
import io.mailwarden.plugin.Condition;
import io.mailwarden.plugin.ConditionPlugin;
import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import io.mailwarden.plugin.Facts;
import java.util.function.Function;
import java.util.function.Predicate;

/** Small building blocks so each built-in condition and action is a few lines. */
final class Defs {

    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private Defs() {
    }

    @FunctionalInterface
    interface ConditionCompiler {
        Condition compile(ConfigNode config, CompileContext context) throws ConfigException;
    }

    @FunctionalInterface
    interface ActionCompiler {
        ActionPlugin.Action compile(ConfigNode config, CompileContext context) throws ConfigException;
    }

    static ConditionPlugin condition(String name, String summary, ConditionCompiler compiler) {
        return new ConditionPlugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public Condition compile(ConfigNode config, CompileContext context) throws ConfigException {
                return compiler.compile(config, context);
            }
        };
    }

    static ActionPlugin action(String name, String summary, ActionCompiler compiler) {
        return new ActionPlugin() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public Action compile(ConfigNode config, CompileContext context) throws ConfigException {
                return compiler.compile(config, context);
            }
        };
    }

    /** A condition from a test and an explanation that reads the message body. */
    static Condition test(Predicate<Facts> test, Function<Facts, String> explain) {
        return test(test, explain, true);
    }

    /** A condition that reads only headers, flags, dates, size and attachment names, types and sizes. */
    static Condition onHeaders(Predicate<Facts> test, Function<Facts, String> explain) {
        return test(test, explain, false);
    }

    static Condition test(Predicate<Facts> test, Function<Facts, String> explain, boolean needsBody) {
        return new Condition() {
            @Override
            public boolean test(Facts facts) {
                return test.test(facts);
            }

            @Override
            public String explain(Facts facts) {
                return explain.apply(facts);
            }

            @Override
            public boolean needsBody() {
                return needsBody;
            }
        };
    }

    /** An action that plans {@code step} for every message and is carried out without the body. */
    static ActionPlugin.Action onHeaders(Step step) {
        return new ActionPlugin.Action() {
            @Override
            public Step plan(Facts facts) {
                return step;
            }

            @Override
            public boolean needsBody() {
                return false;
            }
        };
    }

    /** For switches like {@code list-mail: true}: the node must be a boolean (empty means true). */
    static boolean flagValue(ConfigNode config, String name) throws ConfigException {
        return config.isEmpty() || config.asBoolean(name);
    }

    /** Quotes a value from mail for an explanation, shortened. */
    static String quote(String s) {
        String one = SPACES.matcher(s).replaceAll(" ").strip();
        return "\"" + (one.length() > 60 ? one.substring(0, 57) + "..." : one) + "\"";
    }
}
