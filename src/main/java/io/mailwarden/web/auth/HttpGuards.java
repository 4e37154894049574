package io.mailwarden.web.auth;

import io.mailwarden.web.HttpConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Guards the HTTP routes before any of them runs: {@code /api/**} needs the bearer token, {@code /q/metrics}
 * is served as {@code mailwarden.http.metrics} says. {@code /q/health}, {@code /q/openapi} and the page stay open
 * (the page holds no mail: it fetches everything through the API). Every response gets a strict content security
 * policy.
 */
@ApplicationScoped
public class HttpGuards {

    /** Before every route, Quarkus's own included. */
    private static final int PRIORITY = 1000;

    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data: blob:; object-src 'none';"
            + " base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final ApiToken token;
    private final HttpConfig http;

    public HttpGuards(ApiToken token, HttpConfig http) {
        this.token = token;
        this.http = http;
    }

    void register(@Observes Filters filters) {
        filters.register(this::guard, PRIORITY);
    }

    private void guard(RoutingContext rc) {
        // defence in depth for the page: mail it shows could only run script if the page itself had a bug
        rc.response().putHeader("Content-Security-Policy", PAGE_POLICY).putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer");
        String path = rc.normalizedPath();
        if (path.equals("/api") || path.startsWith("/api/")) {
            requireToken(rc);
        } else if (path.equals("/q/metrics") || path.startsWith("/q/metrics/")) {
            switch (http.metrics()) {
                case OFF -> reply(rc, 404, "metrics are off (mailwarden.http.metrics: off)");
                case TOKEN -> requireToken(rc);
                case OPEN -> rc.next();
            }
        } else {
            rc.next();
        }
    }

    private void requireToken(RoutingContext rc) {
        boolean accepted;
        try {
            accepted = token.accepts(rc.request().getHeader(HttpHeaders.AUTHORIZATION));
        } catch (IllegalStateException e) {
            reply(rc, 503, e.getMessage());
            return;
        }
        if (accepted) {
            rc.next();
        } else {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"mailwarden\"");
            // where the token is stays in the daemon's log: this port may be reachable by others
            reply(rc, 401, "missing or wrong token: send the header Authorization: Bearer <token> (the daemon's log"
                    + " says where its token is)");
        }
    }

    private static void reply(RoutingContext rc, int status, String error) {
        rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("error", error).encode());
    }
}
