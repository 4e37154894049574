package io.mailwarden.rules;

import io.mailwarden.config.MailwardenConfig;
import io.mailwarden.plugin.ActionPlugin;
import io.mailwarden.plugin.ConditionPlugin;
import io.mailwarden.rules.engine.RuleEngine;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** CDI wiring of the rules capability: compiled-in plugins are found as beans, at build time. */
public class RulesBeans {

    @Produces
    @Singleton
    PluginRegistry registry(@Any Instance<ConditionPlugin> conditions, @Any Instance<ActionPlugin> actions) {
        return PluginRegistry.withPlugins(conditions.stream().toList(), actions.stream().toList());
    }

    @Produces
    @Singleton
    RuleEngine engine() {
        return new RuleEngine();
    }

    @Produces
    @Singleton
    RuleLoaderFactory loaders(PluginRegistry registry, MailwardenConfig config) {
        return new RuleLoaderFactory(registry, config.plugins().dir());
    }
}
