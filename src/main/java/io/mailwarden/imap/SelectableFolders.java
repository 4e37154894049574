package io.mailwarden.imap;

import io.mailwarden.account.Account;
import io.mailwarden.rules.match.Glob;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

/** The selectable folders of a connection that configured globs (idle-folders, poll-folders) name. */
final class SelectableFolders {

    private static final Logger LOG = Logger.getLogger(SelectableFolders.class);

    private SelectableFolders() {
    }

    /** Every selectable folder's full name, in the server's LIST order. */
    static List<String> all(IMAPStore store) throws MessagingException {
        List<String> out = new ArrayList<>();
        for (Folder f : store.getDefaultFolder().list("*")) {
            if ((f.getType() & Folder.HOLDS_MESSAGES) != 0) {
                out.add(f.getFullName());
            }
        }
        return out;
    }

    /**
     * The selectable folders matching {@code globs} (INBOX in any case; other names case-sensitive), each
     * once; an entry matching nothing is logged with the configuration key it came from.
     */
    static List<String> matching(IMAPStore store, Account account, List<String> globs, String key)
            throws MessagingException {
        List<String> all = all(store);
        List<String> out = new ArrayList<>();
        for (String wanted : globs) {
            Predicate<String> glob = Glob.compile(wanted, !wanted.equalsIgnoreCase("INBOX")).asMatchPredicate();
            boolean matched = false;
            for (String f : all) {
                if (glob.test(f)) {
                    matched = true;
                    if (!out.contains(f)) {
                        out.add(f);
                    }
                }
            }
            if (!matched) {
                LOG.warnf("%s: %s entry '%s' matches no selectable folder%s", account.name(), key, wanted,
                        account.provider().isTencent() ? " (on Exmail, user folders are only visible "
                                + "to IMAP when the web setting 收取我的文件夹 is on)" : "");
            }
        }
        return out;
    }
}
