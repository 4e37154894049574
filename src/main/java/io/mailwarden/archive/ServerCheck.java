package io.mailwarden.archive;

import io.mailwarden.message.FolderSource;
import io.mailwarden.message.MailboxException;
import io.mailwarden.state.ArchiveCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Compares the archive with the server, folder by folder: what the server has that the archive lacks, and back. */
public final class ServerCheck {

    /** One folder's differences. */
    public record FolderDiff(String account, String folder, int onServer, List<Long> notArchived, List<Long> goneFromServer) {
        public boolean ok() {
            return notArchived.isEmpty() && goneFromServer.isEmpty();
        }
    }

    private final ArchiveCatalog catalog;

    public ServerCheck(ArchiveCatalog catalog) {
        this.catalog = catalog;
    }

    public List<FolderDiff> compare(FolderSource reader, List<String> globs) throws MailboxException {
        String account = reader.account();
        List<FolderDiff> out = new ArrayList<>();
        for (String folder : reader.folders(globs, "archive-folders")) {
            FolderSource.Listing l = reader.list(folder);
            Set<Long> archived = catalog.presentUids(account, folder, l.uidValidity());
            List<Long> missing = new ArrayList<>();
            for (long uid : l.uids()) {
                if (!archived.remove(uid)) {
                    missing.add(uid);
                }
            }
            out.add(new FolderDiff(account, folder, l.uids().length, missing, archived.stream().sorted().toList()));
        }
        return out;
    }
}
