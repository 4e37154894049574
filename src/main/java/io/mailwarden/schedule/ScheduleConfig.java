package io.mailwarden.schedule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of scheduled work: {@code mailwarden.schedule.*}. */
@ConfigMapping(prefix = "mailwarden.schedule")
public interface ScheduleConfig {

    /**
     * At most this many messages are evaluated per second by each run of a scheduled rule, so that a
     * folder of 100,000 messages is walked without hammering the server. Must be above zero.
     */
    @WithName("max-messages-per-second")
    @WithDefault("50")
    double maxMessagesPerSecond();
}
