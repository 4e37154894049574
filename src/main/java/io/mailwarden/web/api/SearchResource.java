package io.mailwarden.web.api;

import io.mailwarden.daemon.DaemonLauncher;
import io.mailwarden.search.Search;
import io.mailwarden.search.SearchPage;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/search}: the query language over the archive, a page of hits at a time. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "search")
@SecurityRequirement(name = "bearer")
public class SearchResource {

    static final int MAX_LIMIT = 200;
    static final int MAX_OFFSET = 10_000;

    private final Search search;
    private final DaemonLauncher launcher;

    public SearchResource(Search search, DaemonLauncher launcher) {
        this.search = search;
        this.launcher = launcher;
    }

    @GET
    @Operation(summary = "Search the archive", description = "Newest first unless sort=relevance; snippets are HTML-escaped"
            + " with <mark> around the matches. total is exact up to 1,000 matches; above that exact is false and"
            + " total is a lower bound.")
    @APIResponse(responseCode = "200", description = "A page of hits")
    @APIResponse(responseCode = "400", description = "A malformed query (error and position) or a bad parameter")
    @APIResponse(responseCode = "503", description = "The archive is not open")
    public SearchPage search(
            @Parameter(description = "The query, e.g. from:vendor.example 发票 has:attachment") @QueryParam("q") @DefaultValue("") String q,
            @Parameter(description = "Hits per page, 1-200 (default 20)") @QueryParam("limit") String limit,
            @Parameter(description = "Hits to skip, 0-10000 (default 0)") @QueryParam("offset") String offset,
            @Parameter(description = "date (newest first, the default) or relevance") @QueryParam("sort") String sort) {
        Archives.requireOpen(launcher);
        return search.search(q, number("limit", limit, 20, 1, MAX_LIMIT), number("offset", offset, 0, 0, MAX_OFFSET),
                order(sort));
    }

    private static Search.Order order(String sort) {
        if (sort == null || sort.isBlank()) {
            return Search.Order.DATE;
        }
        return switch (sort.strip().toLowerCase(Locale.ROOT)) {
            case "date" -> Search.Order.DATE;
            case "relevance" -> Search.Order.RELEVANCE;
            default -> throw ApiException.badRequest("sort: '" + sort + "' is neither date nor relevance");
        };
    }

    /** A whole number parameter within bounds; parsed here so that a bad one is a 400 that names it. */
    static int number(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the bounds
        }
        throw ApiException.badRequest(name + ": '" + value + "' is not a whole number from " + min + " to " + max);
    }
}
