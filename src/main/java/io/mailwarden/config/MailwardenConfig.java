package io.mailwarden.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Settings under {@code mailwarden.*} in config/application.yaml, -D properties or MAILWARDEN_* variables. */
@ConfigMapping(prefix = "mailwarden")
public interface MailwardenConfig {

    /** Where rules live and how they load. */
    Rules rules();

    /** Where plugins live. */
    Plugins plugins();

    /** The data directory: raw messages, the search index and the state database. */
    @WithDefault("index")
    Path dataDir();

    /** Rule settings. */
    interface Rules {
        /** The directory whose *.yaml and *.yml files hold the rules, loaded in name order. */
        @WithDefault("rules")
        Path dir();
    }

    /** Plugin settings. */
    interface Plugins {
        /** The directory of exec plugins: executables that rules name with exec: and run:. */
        @WithDefault("plugins")
        Path dir();
    }
}
