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
    private final boolean tencent;
    private Boolean userRootFolders;
    private Character separator;
    /** Folders seen to exist on this connection: each move would otherwise cost two LIST round trips. */
    private final java.util.Set<String> known = new java.util.HashSet<>();
    private IMAPFolder trash;

    /**
     * @param tencent whether the account's provider is Tencent's: user folders then go under
     *        {@value #EXMAIL_USER_ROOT} even when the server hides it (收取我的文件夹 off)
     */
    public FolderMap(IMAPStore store, boolean tencent) {
        this.store = store;
        this.tencent = tencent;
    }

    /** The server's name for a rule's folder name. */
    public String serverName(String name) throws MessagingException {
        String n = name;
        if (userRootFolders() && !SYSTEM.contains(n.toLowerCase(Locale.ROOT)) && !n.startsWith(EXMAIL_USER_ROOT + "/")) {
            n = EXMAIL_USER_ROOT + "/" + n;
        }
        if (separator == null) {
            separator = store.getDefaultFolder().getSeparator();
        }
        return separator == '/' ? n : n.replace('/', separator);
    }

    /**
     * Whether user folders live under {@value #EXMAIL_USER_ROOT}: on Tencent servers, and wherever the
     * server has that folder as a \Noselect parent (an Exmail behind a custom host name, a test double).
     * Decided by the server, not only by the configured provider, and looked up once per connection.
     */
    boolean userRootFolders() throws MessagingException {
        if (userRootFolders == null) {
            boolean noselectRoot = false;
            for (Folder f : store.getDefaultFolder().list(EXMAIL_USER_ROOT)) {
                noselectRoot |= f.getName().equals(EXMAIL_USER_ROOT) && (f.getType() & Folder.HOLDS_MESSAGES) == 0;
            }
            userRootFolders = tencent || noselectRoot;
        }
        return userRootFolders;
    }

    /** The folder, created with its parents when missing. */
    public IMAPFolder existing(String name) throws MessagingException {
        IMAPFolder f = (IMAPFolder) store.getFolder(serverName(name));
        if (known.contains(f.getFullName())) {
            return f;
        }
        if (!f.exists() && !f.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("the server refused to create folder " + f.getFullName());
        }
        known.add(f.getFullName());
        return f;
    }

    /** Forgets what is known of a folder after an operation on it failed (another client may have deleted it). */
    public void forget(IMAPFolder f) {
        known.remove(f.getFullName());
        if (trash != null && trash.getFullName().equals(f.getFullName())) {
            trash = null;
        }
    }

    /** The trash folder: SPECIAL-USE \Trash, else a well-known name, else null. */
    public IMAPFolder trash() throws MessagingException {
        if (trash == null) {
            trash = findTrash();
        }
        return trash;
    }

    private IMAPFolder findTrash() throws MessagingException {
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
