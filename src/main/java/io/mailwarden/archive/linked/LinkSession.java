package io.mailwarden.archive.linked;

import io.mailwarden.archive.linked.Download.Failed;
import io.mailwarden.archive.linked.Download.Gone;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The requests of one fetch: its own cookie jar (cookies of one link never reach another), redirects
 * followed by hand so that every hop's scheme and host are checked against the policy first.
 */
final class LinkSession {

    private static final int MAX_REDIRECTS = 5;

    /** Ends a fetch early with its outcome. */
    static final class Refused extends Exception {
        final transient Download outcome;

        Refused(Download outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private final HttpClient http;
    private final HostPolicy hosts;
    private final Duration timeout;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    LinkSession(HttpClient http, HostPolicy hosts, Duration timeout) {
        this.http = http;
        this.hosts = hosts;
        this.timeout = timeout;
    }

    /**
     * GETs a URI, following at most five redirects; answers only with a 2xx response, whose body the caller
     * closes. Anything else is refused as {@link Failed} (429, 5xx, network) or {@link Gone} (the rest).
     */
    HttpResponse<InputStream> get(URI uri, URI referer) throws Refused, InterruptedException {
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> response = send(current, referer);
            int status = response.statusCode();
            if (status / 100 == 2) {
                return response;
            }
            try {
                response.body().close(); // unread: only the status matters, closing releases the connection
            } catch (IOException ignored) {
                // the status already says what happened
            }
            String reason = "HTTP " + status + " from " + where(current);
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(status)) {
                throw new Refused(status == 429 || status >= 500 ? new Failed(reason) : new Gone(reason));
            } else if (location.isEmpty() || redirects == MAX_REDIRECTS) {
                throw new Refused(new Gone(reason + (location.isEmpty() ? " without a Location"
                        : " after " + MAX_REDIRECTS + " redirects")));
            }
            try {
                current = current.resolve(location.get().strip());
            } catch (IllegalArgumentException badLocation) {
                throw new Refused(new Gone(reason + " to an unusable Location"));
            }
        }
    }

    private HttpResponse<InputStream> send(URI uri, URI referer) throws Refused, InterruptedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused(new Gone("not an http(s) link: " + where(uri)));
        }
        if (!hosts.allows(uri.getHost())) {
            throw new Refused(new Gone("host " + uri.getHost() + " is not allowed for linked files: " + where(uri)));
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(timeout)
                    .header("User-Agent", "mailwarden");
            if (referer != null) {
                request.header("Referer", referer.toString());
            }
            for (Map.Entry<String, List<String>> cookie : cookies.get(uri, Map.of()).entrySet()) {
                if (!cookie.getValue().isEmpty()) {
                    request.header(cookie.getKey(), String.join("; ", cookie.getValue()));
                }
            }
            HttpResponse<InputStream> response = http.send(request.build(), BodyHandlers.ofInputStream());
            cookies.put(uri, response.headers().map());
            return response;
        } catch (HttpTimeoutException e) {
            throw new Refused(new Failed("no answer from " + where(uri) + " within " + timeout.toMillis() + " ms"));
        } catch (IOException e) {
            throw new Refused(new Failed("request to " + where(uri) + " failed: " + describe(e)));
        } catch (IllegalArgumentException e) {
            throw new Refused(new Gone("not a usable link: " + where(uri)));
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Host and path only: the query of a 文件中转站 link ({@code k=}, {@code code=}) works like a credential. */
    static String where(URI uri) {
        return (uri.getHost() == null ? "" : uri.getHost()) + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    static String describe(Exception e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + ": " + e.getMessage();
    }
}
