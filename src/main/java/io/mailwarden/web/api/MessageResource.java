package io.mailwarden.web.api;

import io.mailwarden.daemon.DaemonLauncher;
import io.mailwarden.search.AttachmentContent;
import io.mailwarden.search.MessageView;
import io.mailwarden.search.Search;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/messages/{id}}: one archived message, its original bytes, its attachments. */
@Path("/api/messages/{id}")
@Tag(name = "messages")
@SecurityRequirement(name = "bearer")
public class MessageResource {

    /** A media type as the API passes it on; anything else from mail becomes application/octet-stream. */
    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9][\\w.+-]*/[A-Za-z0-9][\\w.+-]*");

    private final Search search;
    private final DaemonLauncher launcher;

    public MessageResource(Search search, DaemonLauncher launcher) {
        this.search = search;
        this.launcher = launcher;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An archived message", description = "Metadata, the text of each part, the rules that acted on"
            + " it and where it lives now.")
    @APIResponse(responseCode = "200", description = "The message")
    @APIResponse(responseCode = "404", description = "No archived message has this id")
    public MessageView message(@PathParam("id") String id) {
        Archives.requireOpen(launcher);
        return search.message(id).orElseThrow(() -> unknown(id));
    }

    @GET
    @Path("raw")
    @Produces("message/rfc822")
    @Operation(summary = "The original message (.eml)", description = "The bytes exactly as archived.")
    @APIResponse(responseCode = "200", description = "The message as a download")
    @APIResponse(responseCode = "404", description = "No archived message has this id")
    public Response raw(@PathParam("id") String id) {
        Archives.requireOpen(launcher);
        InputStream bytes = search.raw(id).orElseThrow(() -> unknown(id)); // streamed, closed by the server
        return download(bytes, "message/rfc822", id + ".eml");
    }

    @GET
    @Path("attachments/{n}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "An attachment, decoded", description = "Numbered from 0 in MIME order; always a download.")
    @APIResponse(responseCode = "200", description = "The attachment as a download")
    @APIResponse(responseCode = "404", description = "No such message or attachment")
    public Response attachment(@PathParam("id") String id, @PathParam("n") String n) {
        Archives.requireOpen(launcher);
        int index = SearchResource.number("attachment number", n, -1, 0, Integer.MAX_VALUE);
        AttachmentContent a = search.attachment(id, index)
                .orElseThrow(() -> ApiException.notFound("message " + id + " has no attachment number " + index));
        String type = a.mediaType() != null && MEDIA_TYPE.matcher(a.mediaType()).matches() ? a.mediaType()
                : MediaType.APPLICATION_OCTET_STREAM;
        return download(a.content(), type, a.filename()); // streamed, closed by the server
    }

    /**
     * Always an attachment, never rendered: a type or a file from mail is attacker-controlled, so the browser
     * is also told not to sniff it and to run nothing from it should it be opened directly.
     */
    private static Response download(Object bytes, String type, String filename) {
        return Response.ok(bytes, type).header("Content-Disposition", ContentDisposition.attachment(filename))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox").build();
    }

    private static ApiException unknown(String id) {
        return ApiException.notFound("no archived message has the id " + id);
    }
}
