package io.mailwarden.rules;

import io.mailwarden.plugin.ActionPlugin;
import io.mailwarden.plugin.ConditionPlugin;
import io.mailwarden.rules.builtin.Builtins;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every condition and action known by name: the built-ins plus the compiled-in plugins found through CDI. */
public final class PluginRegistry {

    /** Rule keywords that are not plugins but still must not be taken by one. */
    static final List<String> RESERVED = List.of("stop");

    private final Map<String, ConditionPlugin> conditions = new LinkedHashMap<>();
    private final Map<String, ActionPlugin> actions = new LinkedHashMap<>();

    public PluginRegistry(Collection<? extends ConditionPlugin> conditions, Collection<? extends ActionPlugin> actions) {
        for (ConditionPlugin c : conditions) {
            ConditionPlugin old = this.conditions.putIfAbsent(c.name(), c);
            if (old != null) {
                throw new IllegalStateException("two conditions are named '" + c.name() + "': "
                        + old.getClass().getName() + " and " + c.getClass().getName());
            }
        }
        for (ActionPlugin a : actions) {
            if (RESERVED.contains(a.name())) {
                throw new IllegalStateException("action name '" + a.name() + "' is reserved: " + a.getClass().getName());
            }
            ActionPlugin old = this.actions.putIfAbsent(a.name(), a);
            if (old != null) {
                throw new IllegalStateException("two actions are named '" + a.name() + "': "
                        + old.getClass().getName() + " and " + a.getClass().getName());
            }
        }
    }

    /** Only the built-ins, for tools and tests that run without CDI. */
    public static PluginRegistry builtins() {
        return new PluginRegistry(Builtins.conditions(), Builtins.actions());
    }

    /** The built-ins plus extra plugins. */
    public static PluginRegistry withPlugins(Collection<? extends ConditionPlugin> extraConditions,
            Collection<? extends ActionPlugin> extraActions) {
        List<ConditionPlugin> c = new ArrayList<>(Builtins.conditions());
        c.addAll(extraConditions);
        List<ActionPlugin> a = new ArrayList<>(Builtins.actions());
        a.addAll(extraActions);
        return new PluginRegistry(c, a);
    }

    public ConditionPlugin condition(String name) {
        return conditions.get(name);
    }

    public ActionPlugin action(String name) {
        return actions.get(name);
    }

    public Collection<ConditionPlugin> conditions() {
        return conditions.values();
    }

    public Collection<ActionPlugin> actions() {
        return actions.values();
    }

    /** Action names as rules may write them, with the reserved keywords. */
    public List<String> actionWords() {
        List<String> words = new ArrayList<>(actions.keySet());
        words.addAll(RESERVED);
        return words;
    }
}
