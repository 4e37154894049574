package io.mailwarden.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.mailwarden.search.QuerySyntaxException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns failures into JSON bodies {@code {"error": ...}}: 400 for bad input, 404, 503, and 500 without internals. */
public class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    /**
     * The body of every error.
     *
     * @param position for a malformed query, the character index where the problem is; otherwise absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(String error, Integer position) {
    }

    @ServerExceptionMapper
    public Response query(QuerySyntaxException e) {
        return json(400, new Error(e.getMessage(), e.position()));
    }

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return json(e.status(), new Error(e.getMessage(), null));
    }

    /** Unknown paths (404), wrong methods (405) and the like keep their status, with a JSON body. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        return json(e.getResponse().getStatus(), new Error(e.getMessage(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("API request failed", e);
        return json(500, new Error("internal error: " + e.getClass().getSimpleName() + " (see the daemon's log)", null));
    }

    private static Response json(int status, Error body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
