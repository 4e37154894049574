package io.mailwarden.plugin;

import java.nio.file.Path;

/** What a plugin may use while compiling its configuration. */
public interface CompileContext {

    /** Records a warning (the rule still loads): a folder name that breaks clients, say. */
    void warn(SourceLocation at, String message);

    /** Compiles a nested condition, for conditions that combine others. */
    Condition condition(ConfigNode node) throws ConfigException;

    /** The directory of the rule files, for templates and lists kept next to them. */
    Path rulesDir();

    /** The directory holding exec plugins. */
    Path pluginsDir();
}
