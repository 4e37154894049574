package io.mailwarden.rules;

import io.mailwarden.rules.load.RuleLoader;
import java.nio.file.Path;

/** Makes rule loaders for the configured plugins, with the plugins directory overridable per command. */
public record RuleLoaderFactory(PluginRegistry registry, Path defaultPluginsDir) {

    public RuleLoader loader(Path pluginsDir) {
        return new RuleLoader(registry, pluginsDir == null ? defaultPluginsDir : pluginsDir);
    }
}
