package io.mailwarden.imap;

import io.mailwarden.account.Account;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * What {@code mailwarden accounts test} finds out about an account's server: its capabilities, its
 * folders, what the daemon does where a capability is missing, and the Exmail settings that hide mail
 * from IMAP.
 */
public final class AccountProbe {

    /** A folder as listed. */
    public record FolderInfo(String name, List<String> attributes, boolean selectable) {
    }

    /**
     * The findings.
     *
     * @param capabilities as advertised after login
     * @param folders every folder, decoded
     * @param fallbacks what the daemon does for each missing capability
     * @param warnings settings or names that will cause trouble
     */
    public record Report(List<String> capabilities, List<FolderInfo> folders, List<String> fallbacks, List<String> warnings) {
    }

    private static final List<String> EXMAIL_SYSTEM = List.of("INBOX", "Sent Messages", "Drafts", "Deleted Messages", "Junk");

    private AccountProbe() {
    }

    public static Report probe(Account account, Clock clock) throws ImapException {
        ImapConnector connector = new ImapConnector(account, new LoginBudget(2, Duration.ofMinutes(1), clock));
        IMAPStore store = connector.connect();
        try {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            @SuppressWarnings("unchecked")
            Map<String, String> caps = (Map<String, String>) inbox.doCommand(p -> p.getCapabilities());
            List<String> capabilities = new ArrayList<>(new TreeSet<>(caps.keySet()));
            List<String> warnings = new ArrayList<>();
            oldestMail(inbox, clock, account, warnings);
            inbox.close(false);
            List<FolderInfo> folders = new ArrayList<>();
            for (Folder f : store.getDefaultFolder().list("*")) {
                IMAPFolder imap = (IMAPFolder) f;
                folders.add(new FolderInfo(f.getFullName(), List.of(imap.getAttributes()),
                        (f.getType() & Folder.HOLDS_MESSAGES) != 0 && !List.of(imap.getAttributes()).contains("\\Noselect")));
                if (f.getFullName().indexOf('\u3000') >= 0) {
                    warnings.add("folder '" + f.getFullName() + "' holds a full-width space (U+3000): several mail clients "
                            + "cannot open it; rename it in the web interface");
                }
            }
            if (account.provider().isTencent() && folders.stream()
                    .filter(FolderInfo::selectable).allMatch(f -> EXMAIL_SYSTEM.contains(f.name()))) {
                warnings.add("only the five system folders are visible: on Exmail, user folders reach IMAP only when "
                        + "设置 → 客户端设置 → 收取我的文件夹 is on (reconnect afterwards)");
            }
            return new Report(capabilities, folders, fallbacks(store, account.pollInterval()), warnings);
        } catch (MessagingException e) {
            throw new ImapException(account.name() + ": " + ImapConnector.rootMessage(e), e);
        } finally {
            ImapConnector.closeQuietly(store);
        }
    }

    private static void oldestMail(IMAPFolder inbox, Clock clock, Account account, List<String> warnings)
            throws MessagingException {
        if (!account.provider().isTencent() || inbox.getMessageCount() == 0) {
            return;
        }
        var first = inbox.getMessage(1).getReceivedDate();
        if (first != null && first.toInstant().isAfter(Instant.now(clock).minus(Duration.ofDays(31)))) {
            warnings.add("the oldest message in INBOX is from " + first.toInstant() + ": Exmail may be showing IMAP only "
                    + "the last 30 days (设置 → 客户端设置 → 收取选项: choose 全部 to see all mail)");
        }
    }

    private static List<String> fallbacks(IMAPStore store, Duration poll) throws MessagingException {
        List<String> out = new ArrayList<>();
        if (!store.hasCapability("MOVE")) {
            out.add("no MOVE: moves are done as UID COPY, then \\Deleted and UID EXPUNGE of that message"
                    + (store.hasCapability("UIDPLUS") ? "" : " — but without UIDPLUS the original only gets \\Deleted"
                            + " (a plain EXPUNGE would remove what other clients marked deleted)"));
        } else if (!store.hasCapability("UIDPLUS")) {
            out.add("no UIDPLUS: copies are confirmed by the server's OK only (no COPYUID)");
        }
        if (!store.hasCapability("IDLE")) {
            out.add("no IDLE: new mail is noticed by NOOP polling every poll-interval (" + poll.toSeconds() + " s)");
        }
        if (!store.hasCapability("SPECIAL-USE")) {
            out.add("no SPECIAL-USE: the trash folder is found by name (" + String.join(", ", FolderMap.TRASH_NAMES) + ")");
        }
        return out;
    }
}
