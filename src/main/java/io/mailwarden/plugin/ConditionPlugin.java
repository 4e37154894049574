package io.mailwarden.plugin;

/**
 * A kind of condition that rules can use under {@code when:}, by {@link #name()}. Built-in
 * conditions implement it just like third-party ones. Compiled-in plugins are CDI beans
 * ({@code @ApplicationScoped}/{@code @Singleton}) and are discovered at build time, with no
 * reflection at run time, so they work in a native executable.
 */
public interface ConditionPlugin {

    /** The key rules write ({@code from}, {@code business-hours}); lower-case with dashes. */
    String name();

    /** One line for {@code rules check --list}. */
    String summary();

    /**
     * Validates the configuration once, when the rule files load, and returns the compiled test.
     * Throw {@link ConfigException} (via {@link ConfigNode#error}) naming the offending node. The
     * compiled condition declares what it reads with {@link Condition#needsBody()} (default: the body).
     */
    Condition compile(ConfigNode config, CompileContext context) throws ConfigException;
}
