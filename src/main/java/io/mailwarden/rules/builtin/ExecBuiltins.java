package io.mailwarden.rules.builtin;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailwarden.plan.Step;
import io.mailwarden.plugin.CompileContext;
import io.mailwarden.plugin.ConditionPlugin;
import io.mailwarden.plugin.ActionPlugin;
import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import io.mailwarden.plugin.Facts;
import io.mailwarden.plugin.exec.ExecException;
import io.mailwarden.plugin.exec.ExecPlugins;
import io.mailwarden.plugin.exec.MessageJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * exec (a condition answered by an exec plugin) and run (an action carried out by one). The plugin is
 * resolved and checked when the rules load; a condition plugin that fails counts as "no match" and
 * the failure is reported with the plan.
 */
final class ExecBuiltins {

    private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

    private ExecBuiltins() {
    }

    record Call(String plugin, Path executable, List<String> args, ExecPlugins.Limits limits) {
    }

    static List<ConditionPlugin> conditions() {
        return List.of(Defs.condition("exec", "ask an exec plugin: exec: { plugin: NAME, args: [...], timeout: 10s }",
                (config, ctx) -> {
                    Call call = call(config, ctx, "exec");
                    return Defs.test(f -> answer(f, call).match(), f -> {
                        Answer a = answer(f, call);
                        return "exec " + call.plugin() + " said yes" + (a.reason().isEmpty() ? "" : ": " + a.reason());
                    });
                }));
    }

    static List<ActionPlugin> actions() {
        return List.of(Defs.action("run", "run an exec plugin with the message: run: { plugin: NAME, args: [...] }",
                (config, ctx) -> {
                    Call call = call(config, ctx, "run");
                    Step s = new Step.RunExec(call.plugin(), call.args());
                    return f -> s;
                }));
    }

    private record Answer(boolean match, String reason) {
    }

    private static Answer answer(Facts f, Call call) {
        return f.memo(call, () -> {
            try {
                JsonNode out = ExecPlugins.run(call.executable(), call.args(), MessageJson.of(f.item(), call.args()),
                        call.limits());
                JsonNode match = out.get("match");
                if (match == null || !match.isBoolean()) {
                    throw new ExecException("exec plugin " + call.plugin() + " must answer {\"match\": true|false}, answered "
                            + out);
                }
                JsonNode reason = out.get("reason");
                return new Answer(match.asBoolean(), reason == null ? "" : reason.asText());
            } catch (ExecException e) {
                f.problem(e.getMessage());
                return new Answer(false, "");
            }
        });
    }

    static Call call(ConfigNode config, CompileContext ctx, String name) throws ConfigException {
        ConfigNode pluginNode = config;
        List<String> args = new ArrayList<>();
        Duration timeout = ExecPlugins.Limits.DEFAULT.timeout();
        if (config.isMap()) {
            config.checkKeys(name, List.of("plugin", "args", "timeout"));
            pluginNode = config.require("plugin", name);
            if (config.get("args") != null) {
                for (ConfigNode a : config.get("args").asList("arguments")) {
                    args.add(a.asString("an argument"));
                }
            }
            if (config.get("timeout") != null) {
                timeout = io.mailwarden.plan.Durations.parse(config.get("timeout").asString("a timeout such as 10s"));
                if (timeout == null || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
                    throw config.get("timeout").error("timeout must be between 1s and 5m, such as 10s");
                }
            }
        }
        String plugin = pluginNode.asNonBlank("an exec plugin name").strip();
        try {
            Path exe = ExecPlugins.resolve(ctx.pluginsDir(), plugin);
            return new Call(plugin, exe, List.copyOf(args),
                    new ExecPlugins.Limits(timeout, ExecPlugins.Limits.DEFAULT.maxOutputBytes()));
        } catch (ExecException e) {
            throw pluginNode.error(e.getMessage());
        }
    }
}
