package io.mailwarden.testing.exmail;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The quirks an {@link ExmailProxy} imitates, built by {@link ExmailProxyBuilder}. Everything
 * that depends only on the settings (the capability lists, the commands that may be sent) is
 * computed here.
 *
 * @param idleCutAfter how long an IDLE may last before the proxy cuts the connection; null: never
 * @param loginLimit   logins allowed per {@code loginWindow}; 0: no throttling
 */
public record ExmailBehaviour(
        String upstreamHost,
        int upstreamPort,
        boolean exmailCapabilities,
        boolean move,
        boolean uidplus,
        boolean idle,
        boolean rejectDescendingSets,
        boolean dropUnadvertisedCommands,
        Duration idleCutAfter,
        IdleCut idleCut,
        boolean pushOnlyToLatestSelector,
        int loginLimit,
        Duration loginWindow,
        boolean xlist,
        boolean exmailDelimiter,
        boolean rejectTextSearch,
        boolean bareStatusCodes) {

    /** What happens when an IDLE has lasted {@code idleCutAfter}. */
    public enum IdleCut {
        /** the connection is closed without a word */
        SILENT_CLOSE,
        /** {@code * BYE} is sent, then the connection is closed */
        BYE_THEN_CLOSE
    }

    /** The greeting QQ sends (chengazhen/cursor-auto-free#285), capabilities before login. */
    static final String GREETING_CAPABILITIES = "IMAP4 IMAP4rev1 ID AUTH=PLAIN AUTH=LOGIN NAMESPACE";
    static final String GREETING = "* OK [CAPABILITY " + GREETING_CAPABILITIES + "] QQMail XMIMAP4Server ready";
    static final String LOGIN_FAILED = "NO Login fail. Account is abnormal, service is not open, password is incorrect,"
            + " login frequency limited, or system is busy.";
    static final String BAD_SET = "BAD UID parameters!";
    /** SEARCH keys that went wrong on QQ/Exmail (mailcore2#1028, S22.Imap#126). */
    static final Set<String> TEXT_SEARCH_KEYS = Set.of("CHARSET", "TEXT", "BODY", "SUBJECT", "FROM", "TO", "CC", "BCC");
    static final String BYE_IDLE = "* BYE Connection closed by server";
    /** {@code 其他文件夹} in modified UTF-7: the \Noselect parent of user folders. */
    public static final String OTHER_FOLDERS = "&UXZO1mWHTvZZOQ-";

    /** Post-login capabilities, in the order of the design notes, without the trailing space. */
    public String capabilitiesAfterLogin() {
        StringJoiner caps = new StringJoiner(" ");
        caps.add("IMAP4rev1").add("ID");
        if (idle) {
            caps.add("IDLE");
        }
        if (move) {
            caps.add("MOVE");
        }
        if (uidplus) {
            caps.add("UIDPLUS");
        }
        caps.add("XLIST").add("NAMESPACE").add("CHILDREN");
        return caps.toString();
    }

    /** Commands the client may send; anything else is not advertised and drops the connection. */
    public Set<String> advertisedCommands() {
        Set<String> commands = new LinkedHashSet<>(Set.of(
                "CAPABILITY", "NOOP", "LOGOUT", "LOGIN", "AUTHENTICATE", "ID", "NAMESPACE",
                "SELECT", "EXAMINE", "CREATE", "DELETE", "RENAME", "SUBSCRIBE", "UNSUBSCRIBE",
                "LIST", "LSUB", "XLIST", "STATUS", "APPEND", "CHECK", "CLOSE", "EXPUNGE",
                "SEARCH", "FETCH", "STORE", "COPY", "UID SEARCH", "UID FETCH", "UID STORE", "UID COPY"));
        if (idle) {
            commands.add("IDLE");
        }
        if (move) {
            commands.add("MOVE");
            commands.add("UID MOVE");
        }
        if (uidplus) {
            commands.add("UID EXPUNGE");
        }
        return Set.copyOf(commands);
    }

    boolean throttlesLogins() {
        return loginLimit > 0;
    }
}
