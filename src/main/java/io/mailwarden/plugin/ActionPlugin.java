package io.mailwarden.plugin;

import io.mailwarden.plan.Step;

/**
 * A kind of action that rules can use under {@code then:}. Planning only decides what to do; doing
 * it on the server is the daemon's separate step, so rules can be tested and dry-run exactly.
 */
public interface ActionPlugin {

    /** The key rules write ({@code move}, {@code mark-read}). */
    String name();

    /** One line for {@code rules check --list}. */
    String summary();

    /** Validates the configuration at load time and returns the compiled action. */
    Action compile(ConfigNode config, CompileContext context) throws ConfigException;

    /** A compiled action: turns the facts of one message into one step of its plan. */
    @FunctionalInterface
    interface Action {
        Step plan(Facts facts);

        /**
         * Whether carrying out the step needs the message body (forwarding, an exec plugin, archiving).
         * False lets the daemon fetch only the header section and structure when no condition needs
         * more; the default, true, is always safe.
         */
        default boolean needsBody() {
            return true;
        }
    }
}
