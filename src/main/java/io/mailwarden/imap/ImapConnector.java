package io.mailwarden.imap;

import io.mailwarden.account.Account;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Map;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.jboss.logging.Logger;

/** Opens logged-in IMAP connections for an account, explaining failures in the admin's terms. */
public final class ImapConnector {

    private static final Logger LOG = Logger.getLogger(ImapConnector.class);

    private final Account account;
    private final Session session;
    private final LoginBudget budget;

    public ImapConnector(Account account, LoginBudget budget) throws ImapException {
        this.account = account;
        this.budget = budget;
        try {
            this.session = ImapSessions.session(account);
        } catch (GeneralSecurityException | IOException e) {
            throw new ImapException("account " + account.name()
                    + ": cannot use trust-pem " + account.trustPem() + ": " + e.getMessage(), e);
        }
    }

    public Account account() {
        return account;
    }

    /** A new, logged-in connection; waits first when the account's login budget is spent. */
    public IMAPStore connect() throws ImapException {
        waitForBudget();
        try {
            IMAPStore store = (IMAPStore) session.getStore(ImapSessions.protocol(account));
            store.connect(account.imap().host(), account.imap().port(), account.username(), account.password().value());
            if (account.sendId() && store.hasCapability("ID")) {
                store.id(Map.of("name", "mailwarden", "vendor", "mailwarden"));
            }
            return store;
        } catch (AuthenticationFailedException e) {
            throw new ImapException(loginFailure(e), e);
        } catch (MessagingException e) {
            throw new ImapException("account " + account.name()
                    + ": cannot connect to " + account.imap() + ": " + rootMessage(e), e);
        }
    }

    private String loginFailure(AuthenticationFailedException e) {
        String base = "account " + account.name() + ": login as " + account.username() + " at " + account.imap()
                + " refused (" + rootMessage(e) + ")";
        if (account.provider().isTencent()) {
            // Tencent answers every failure with one text; all three causes must be named
            return base + ". On Exmail this means one of: the password is wrong or is not the client-specific "
                    + "password (客户端专用密码) that secure login requires; IMAP/SMTP is not enabled for this member "
                    + "(admin console or WeCom); or logins are rate-limited after too many attempts (wait, then retry).";
        }
        return base + ". Check the username and password.";
    }

    private void waitForBudget() throws ImapException {
        for (java.time.Duration wait = budget.reserve(); !wait.isZero(); wait = budget.reserve()) {
            LOG.warnf("%s: login budget spent (too many logins recently); next login in %d s", account.name(),
                    wait.toSeconds());
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImapException(account.name() + ": interrupted", e);
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m.strip();
    }

    /** Whether a failure comes from the connection (I/O) rather than from the server's answer. */
    static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof org.eclipse.angus.mail.iap.ConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** Closes a connection, ignoring what a dead connection says on the way out. */
    public static void closeQuietly(IMAPStore store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debugf("closing connection: %s", e.getMessage());
        }
    }
}
