package io.mailwarden.rules.builtin;

import io.mailwarden.plugin.CompileContext;
import io.mailwarden.plugin.Condition;
import io.mailwarden.plugin.ConditionPlugin;
import io.mailwarden.plugin.ConfigException;
import io.mailwarden.plugin.ConfigNode;
import io.mailwarden.plugin.Facts;
import java.util.ArrayList;
import java.util.List;

/** all, any and not: conditions made of other conditions. */
final class CompositeConditions {

    private CompositeConditions() {
    }

    static List<ConditionPlugin> all() {
        return List.of(
                Defs.condition("all", "every condition of the list holds", (c, ctx) -> group(c, ctx, true)),
                Defs.condition("any", "at least one condition of the list holds", (c, ctx) -> group(c, ctx, false)),
                Defs.condition("not", "the condition does not hold", (config, ctx) -> {
                    Condition inner = ctx.condition(config);
                    String shown = "not " + config.toFlow();
                    return Defs.test(f -> !inner.test(f), f -> shown, inner.needsBody());
                }));
    }

    private static Condition group(ConfigNode config, CompileContext ctx, boolean all) throws ConfigException {
        String name = all ? "all" : "any";
        if (!config.isList()) {
            throw config.error(name + " takes a list of conditions (write each on a line starting with '- ')");
        }
        List<ConfigNode> items = config.asList(name);
        if (items.isEmpty()) {
            throw config.error(name + ": the list of conditions is empty");
        }
        List<Condition> parts = new ArrayList<>(items.size());
        for (ConfigNode item : items) {
            parts.add(ctx.condition(item));
        }
        return new Group(List.copyOf(parts), all);
    }

    private record Group(List<Condition> parts, boolean all) implements Condition {
        @Override
        public boolean test(Facts facts) {
            for (Condition c : parts) {
                if (c.test(facts) != all) {
                    return !all;
                }
            }
            return all;
        }

        @Override
        public boolean needsBody() {
            return parts.stream().anyMatch(Condition::needsBody);
        }

        @Override
        public String explain(Facts facts) {
            List<String> why = new ArrayList<>();
            for (Condition c : parts) {
                if (c.test(facts)) {
                    why.add(c.explain(facts));
                    if (!all) {
                        break;
                    }
                }
            }
            return why.size() == 1 ? why.get(0) : "(" + String.join(all ? "; " : " | ", why) + ")";
        }
    }
}
