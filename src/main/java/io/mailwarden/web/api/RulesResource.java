package io.mailwarden.web.api;

import io.mailwarden.daemon.Daemon;
import io.mailwarden.daemon.DaemonLauncher;
import io.mailwarden.rules.Rule;
import io.mailwarden.rules.RuleSet;
import io.mailwarden.rules.load.Diagnostic;
import io.mailwarden.rules.load.LoadResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/rules}: the rules in force and the outcome of the last reload. */
@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "daemon")
@SecurityRequirement(name = "bearer")
public class RulesResource {

    /**
     * @param loadedAt when the set in force was loaded
     * @param lastReloadOk whether the latest reload succeeded (when not, the previous set stays in force)
     * @param errors the latest reload's errors, as {@code file:line:column: error: message}
     */
    public record Rules(String dir, Instant loadedAt, List<RuleInfo> rules, boolean lastReloadOk, List<String> errors,
            List<String> warnings) {
    }

    /**
     * @param schedule the cron schedule of a scheduled rule, or null for a rule applied on arrival
     * @param at where it is defined ({@code rules/10-finance.yaml:3:5})
     */
    public record RuleInfo(String name, String description, boolean enabled, List<String> accounts, List<String> folders,
            String schedule, List<String> actions, String at) {
    }

    private final DaemonLauncher launcher;

    public RulesResource(DaemonLauncher launcher) {
        this.launcher = launcher;
    }

    @GET
    @Operation(summary = "The loaded rules", description = "The set in force, the last reload's errors and warnings.")
    public Rules rules() {
        Daemon daemon = launcher.running();
        if (daemon == null) {
            throw ApiException.unavailable("the daemon is not running: no rules are loaded");
        }
        RuleSet set = daemon.rules().current();
        LoadResult last = daemon.rules().lastResult();
        return new Rules(daemon.rules().dir().toString(), set.loadedAt(), set.rules().stream().map(RulesResource::info).toList(),
                last == null || last.ok(), last == null ? List.of() : text(last.errors()),
                last == null ? List.of() : text(last.warnings()));
    }

    private static RuleInfo info(Rule r) {
        return new RuleInfo(r.name(), r.description(), r.enabled(), r.scope().accountGlobs(), r.scope().folderGlobs(),
                r.schedule(), r.then().stream().map(Rule.RuleAction::name).toList(), r.at() == null ? null : r.at().toString());
    }

    private static List<String> text(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(Diagnostic::toString).toList();
    }
}
