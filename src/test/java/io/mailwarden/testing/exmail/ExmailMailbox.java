package io.mailwarden.testing.exmail;

import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.Flags;
import jakarta.mail.internet.MimeMessage;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Gives a GreenMail user the folder layout of an Exmail account: {@code INBOX}, {@code Sent
 * Messages}, {@code Drafts}, {@code Deleted Messages}, {@code Junk}, and user folders under the
 * {@code \Noselect} parent {@code 其他文件夹}.
 *
 * <p>Names are given as clients see them through an {@link ExmailProxy} (Unicode, {@code /}
 * delimiter). GreenMail decodes modified UTF-7 and keeps names in Unicode with its own
 * {@code .} delimiter, which the proxy shows as {@code /}.
 */
public final class ExmailMailbox {

    public static final String INBOX = "INBOX";
    public static final String SENT = "Sent Messages";
    public static final String DRAFTS = "Drafts";
    public static final String DELETED = "Deleted Messages";
    public static final String JUNK = "Junk";
    /** The \Noselect parent of every user folder. */
    public static final String OTHER_FOLDERS = "其他文件夹";
    public static final List<String> SYSTEM_FOLDERS = List.of(INBOX, SENT, DRAFTS, DELETED, JUNK);

    private final GreenMailOperations greenMail;
    private final GreenMailUser user;

    private ExmailMailbox(GreenMailOperations greenMail, GreenMailUser user) {
        this.greenMail = greenMail;
        this.user = user;
    }

    /**
     * Creates the system folders, the {@code 其他文件夹} parent (not selectable) and the given user
     * folders under it, e.g. {@code create(greenMail, user, "QQ邮件", "合同/2024")}.
     */
    public static ExmailMailbox create(GreenMailOperations greenMail, GreenMailUser user, String... userFolders) {
        ExmailMailbox mailbox = new ExmailMailbox(greenMail, user);
        for (String system : SYSTEM_FOLDERS) {
            mailbox.ensure(system);
        }
        notSelectable(mailbox.ensure(OTHER_FOLDERS));
        for (String name : userFolders) {
            mailbox.addUserFolder(name);
        }
        return mailbox;
    }

    /** The client-side full name of a user folder: {@code 其他文件夹/name}. */
    public static String userFolder(String name) {
        return OTHER_FOLDERS + "/" + name;
    }

    /** The name GreenMail stores for a client-side name: Unicode, GreenMail's {@code .} delimiter. */
    public static String storedName(String clientName) {
        return clientName.replace('/', '.');
    }

    /** Adds {@code 其他文件夹/name} (and any parents inside it); returns its client-side name. */
    public String addUserFolder(String name) {
        String full = userFolder(name);
        ensure(full);
        return full;
    }

    /** The GreenMail folder for a client-side name, or null if there is none. */
    public MailFolder folder(String clientName) {
        return hosts().getFolder(user, storedName(clientName));
    }

    /** Puts a message straight into a folder (as new mail arriving), returning its UID. */
    public long deliver(String clientName, MimeMessage message) {
        MailFolder folder = folder(clientName);
        if (folder == null) {
            throw new IllegalArgumentException("no folder " + clientName);
        }
        return folder.appendMessage(message, new Flags(), new Date());
    }

    /** Client-side names of every folder of the user, as GreenMail has them. */
    public List<String> storedFolders() {
        List<String> names = new ArrayList<>();
        try {
            for (MailFolder folder : hosts().listMailboxes(user, "*")) {
                names.add(folder.getFullName());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private MailFolder ensure(String clientName) {
        String stored = storedName(clientName);
        int slash = clientName.lastIndexOf('/');
        if (slash > 0) {
            ensure(clientName.substring(0, slash));
        }
        MailFolder existing = hosts().getFolder(user, stored);
        if (existing != null) {
            return existing;
        }
        try {
            return hosts().createMailbox(user, stored);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + clientName + " (" + stored + ")", e);
        }
    }

    /**
     * GreenMail's folder class ({@code HierarchicalFolder}) is package-private, but its public
     * {@code setSelectable(false)} gives exactly Exmail's {@code \Noselect} parent: LIST shows
     * the flag and SELECT fails.
     */
    private static void notSelectable(MailFolder folder) {
        try {
            Method setSelectable = folder.getClass().getMethod("setSelectable", boolean.class);
            setSelectable.setAccessible(true);
            setSelectable.invoke(folder, false);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("GreenMail no longer lets a folder be made \\Noselect", e);
        }
    }

    private ImapHostManager hosts() {
        return greenMail.getManagers().getImapHostManager();
    }
}
