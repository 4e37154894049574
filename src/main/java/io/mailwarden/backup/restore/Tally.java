package io.mailwarden.backup.restore;

import io.mailwarden.backup.restore.RestoreReport.Failure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts as the restore goes, per target folder; {@link #report} freezes them. */
final class Tally {

    private static final class Counts {
        String serverName;
        boolean created;
        long appended;
        long present;
        long failed;
        long keywordsDropped;
    }

    private final Map<String, Counts> folders = new LinkedHashMap<>();
    private final List<Failure> failures = new ArrayList<>();

    private Counts of(String folder) {
        return folders.computeIfAbsent(folder, f -> new Counts());
    }

    void folder(String folder, String serverName, boolean created) {
        Counts c = of(folder);
        c.serverName = serverName;
        c.created |= created;
    }

    void appended(String folder, long keywordsDropped) {
        Counts c = of(folder);
        c.appended++;
        c.keywordsDropped += keywordsDropped;
    }

    void present(String folder) {
        of(folder).present++;
    }

    void failed(Restoring r, String answer) {
        of(r.folder()).failed++;
        failures.add(new Failure(r.source().origin(), r.folder(), answer));
    }

    RestoreReport report(boolean dryRun) {
        List<RestoreReport.Folder> out = new ArrayList<>();
        folders.forEach((name, c) -> out.add(new RestoreReport.Folder(name, c.serverName == null ? name : c.serverName,
                c.created, c.appended, c.present, c.failed, c.keywordsDropped)));
        return new RestoreReport(dryRun, out, failures);
    }
}
