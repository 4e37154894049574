package io.mailwarden.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings under {@code mailwarden.http.*}: who may call the API, and whether /q/metrics is served. */
@ConfigMapping(prefix = "mailwarden.http")
public interface HttpConfig {

    /**
     * The bearer token every {@code /api/**} call must present (env {@code MAILWARDEN_HTTP_TOKEN}). When unset,
     * the daemon generates one at its first start into {@code <data-dir>/http-token}, readable by its owner only.
     */
    Optional<String> token();

    /** Who may read {@code /q/metrics}: {@code off} (404), {@code token} (the API's bearer token) or {@code open}. */
    @WithDefault("off")
    MetricsAccess metrics();

    /** Access to the Prometheus metrics. */
    enum MetricsAccess {
        /** Not served. */
        OFF,
        /** Served to callers with the API token. */
        TOKEN,
        /** Served to anyone who reaches the port (a local scraper, for instance). */
        OPEN
    }
}
