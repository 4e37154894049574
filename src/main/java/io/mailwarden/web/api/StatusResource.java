package io.mailwarden.web.api;

import io.mailwarden.archive.ArchiveService;
import io.mailwarden.daemon.Daemon;
import io.mailwarden.daemon.DaemonLauncher;
import io.mailwarden.imap.Supervisor.WatcherStatus;
import io.mailwarden.outbound.OutboundCounters;
import io.mailwarden.rules.load.Diagnostic;
import io.mailwarden.rules.load.LoadResult;
import io.mailwarden.state.AuditEntry;
import io.mailwarden.state.LinkedFile;
import io.mailwarden.state.LinkedFileStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/status}: what the daemon watches, how it goes, what it counted and what went wrong. */
@Path("/api/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "daemon")
@SecurityRequirement(name = "bearer")
public class StatusResource {

    /**
     * @param running whether this process runs the daemon (the rest is empty when not)
     * @param accounts the watched accounts, in order
     * @param lastActivity when the daemon last acted on a message (the audit trail), or null
     * @param errors each watcher's last error and the rules' load errors, for people
     */
    public record Status(boolean running, List<String> accounts, List<WatcherStatus> watchers, Instant lastActivity,
            Counts counts, List<String> errors) {
    }

    /**
     * @param archived archived message places in the catalog (-1: the archive is not open)
     * @param indexed messages in the search index (-1: the archive is not open)
     * @param indexCommittedAt when the index was last committed to disk, or null
     * @param linkedFilesPending files messages link to (Exmail's 文件中转站) waiting for their download (-1: the
     *     archive is not open)
     * @param linkedFilesStored linked files downloaded and kept (-1: the archive is not open)
     * @param linkedFilesGone linked files that will not be downloaded: expired, refused (-1: the archive is not open)
     */
    public record Counts(long archived, long indexed, Instant indexCommittedAt, long repliesSent, long repliesFailed,
            long repliesRateLimited, long linkedFilesPending, long linkedFilesStored, long linkedFilesGone) {
    }

    private final DaemonLauncher launcher;
    private final LinkedFileStore linkedFiles;

    public StatusResource(DaemonLauncher launcher, LinkedFileStore linkedFiles) {
        this.launcher = launcher;
        this.linkedFiles = linkedFiles;
    }

    @GET
    @Operation(summary = "The daemon's status", description = "Accounts, watchers, last activity, counts and errors.")
    public Status status() {
        Daemon daemon = launcher.running();
        if (daemon == null) {
            return new Status(false, List.of(), List.of(), null, new Counts(-1, -1, null, 0, 0, 0, -1, -1, -1),
                    List.of("the daemon is not running"));
        }
        List<WatcherStatus> watchers = daemon.status();
        List<String> errors = new ArrayList<>();
        watchers.stream().filter(w -> w.lastError() != null)
                .forEach(w -> errors.add(w.account() + "/" + w.folder() + ": " + w.lastError()));
        LoadResult rules = daemon.rules().lastResult();
        if (rules != null) {
            rules.errors().stream().map(Diagnostic::toString).forEach(errors::add);
        }
        ArchiveService.Opened archive = launcher.archive();
        OutboundCounters out = daemon.outbound();
        Map<LinkedFile.Status, Long> linked = archive == null ? Map.of() : linkedFiles.counts();
        Counts counts = new Counts(archive == null ? -1 : archive.archive().catalog().count(),
                archive == null ? -1 : archive.index().count(),
                archive == null ? null : archive.index().committedAt().orElse(null), out.sentCount(), out.failedCount(),
                out.rateLimitedCount(), linked.getOrDefault(LinkedFile.Status.PENDING, -1L),
                linked.getOrDefault(LinkedFile.Status.STORED, -1L), linked.getOrDefault(LinkedFile.Status.GONE, -1L));
        List<AuditEntry> last = launcher.stores().audit().recent(1);
        return new Status(true, watchers.stream().map(WatcherStatus::account).distinct().toList(), watchers,
                last.isEmpty() ? null : last.getFirst().at(), counts, errors);
    }
}
