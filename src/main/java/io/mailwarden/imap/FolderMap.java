package io.mailwarden.imap;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Maps the folder names rules use ({@code 财务/发票}, levels split by {@code /}) onto a server: its
 * hierarchy separator, Exmail's {@code 其他文件夹/} parent for user folders, and the trash folder found by
 * SPECIAL-USE or, lacking that (Exmail), by well-known names.
 */
public final class FolderMap {

    /** Exmail keeps user folders under this \Noselect parent. */
    public static final String EXMAIL_USER_ROOT = "其他文件夹";
    static final Set<String> SYSTEM = Set.of("inbox", "sent messages", "drafts", "deleted messages", "junk");
    static final List<String> TRASH_NAMES = List.of("Deleted Messages", "Trash", "Deleted Items", "Deleted",
            "[Gmail]/Trash", "已删除", "已删除邮件", "垃圾桶");

    private final IMAPStore store;
    private final boolean userRootFolders;

    /** @param userRootFolders whether user folders live under {@value #EXMAIL_USER_ROOT} (Tencent servers) */
    public FolderMap(IMAPStore store, boolean userRootFolders) {
        this.store = store;
        this.userRootFolders = userRootFolders;
    }

    /** The server's name for a rule's folder name. */
    public String serverName(String name) throws MessagingException {
        String n = name;
        if (userRootFolders && !SYSTEM.contains(n.toLowerCase(Locale.ROOT)) && !n.startsWith(EXMAIL_USER_ROOT + "/")) {
            n = EXMAIL_USER_ROOT + "/" + n;
        }
        char sep = store.getDefaultFolder().getSeparator();
        return sep == '/' ? n : n.replace('/', sep);
    }

    /** The folder, created with its parents when missing. */
    public IMAPFolder existing(String name) throws MessagingException {
        IMAPFolder f = (IMAPFolder) store.getFolder(serverName(name));
        if (!f.exists() && !f.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("the server refused to create folder " + f.getFullName());
        }
        return f;
    }

    /** The trash folder: SPECIAL-USE \Trash, else a well-known name, else null. */
    public IMAPFolder trash() throws MessagingException {
        Folder[] all = store.getDefaultFolder().list("*");
        for (Folder f : all) {
            for (String attr : ((IMAPFolder) f).getAttributes()) {
                if (attr.equalsIgnoreCase("\\Trash")) {
                    return (IMAPFolder) f;
                }
            }
        }
        for (String wanted : TRASH_NAMES) {
            for (Folder f : all) {
                if (f.getFullName().equalsIgnoreCase(wanted)) {
                    return (IMAPFolder) f;
                }
            }
        }
        return null;
    }
}
