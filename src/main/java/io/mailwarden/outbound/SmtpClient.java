package io.mailwarden.outbound;

import io.mailwarden.account.Account;
import io.mailwarden.account.TlsMode;
import io.mailwarden.imap.ImapSessions;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Sends composed mail through an account's SMTP server with Jakarta Mail: implicit TLS or required
 * STARTTLS, the server's certificate and name verified (the account's trust-pem added, as for IMAP),
 * the account's login, the account's address as envelope sender, and timeouts on every step.
 */
final class SmtpClient {

    /** Why a mail was not accepted; {@code permanent} for a 5xx answer, which no retry can change. */
    static final class SendFailure extends Exception {
        private final boolean permanent;

        SendFailure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        boolean permanent() {
            return permanent;
        }
    }

    private final Duration timeout;

    SmtpClient(Duration timeout) {
        this.timeout = timeout;
    }

    /** Sends {@code content} as it is (same bytes, same Message-ID) to {@code recipients}. */
    void send(Account account, List<String> recipients, byte[] content) throws SendFailure {
        try {
            Session session = session(account);
            MimeMessage m = new MimeMessage(session, new ByteArrayInputStream(content));
            InternetAddress[] to = new InternetAddress[recipients.size()];
            for (int i = 0; i < to.length; i++) {
                to[i] = new InternetAddress(recipients.get(i));
            }
            try (Transport t = session.getTransport()) {
                t.connect(account.smtp().host(), account.smtp().port(), account.username(), account.password().value());
                t.sendMessage(m, to);
            }
        } catch (AuthenticationFailedException e) {
            throw new SendFailure("SMTP login refused for " + account.username() + " at " + account.smtp()
                    + " (wrong password, SMTP disabled for the account, or too many logins)", false, e);
        } catch (MessagingException e) {
            throw classify(e);
        } catch (GeneralSecurityException | IOException e) {
            throw new SendFailure("cannot read trust-pem " + account.trustPem() + ": " + e.getMessage(), false, e);
        }
    }

    /** 5xx answers are permanent; 4xx answers, network trouble and everything else may pass. */
    static SendFailure classify(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            int code = code(x);
            if (code > 0) {
                return new SendFailure(x.getMessage().strip(), code >= 500, e);
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = root == e ? e.getMessage() : e.getMessage() + " (" + root + ")";
        return new SendFailure(why == null ? e.toString() : why, false, e);
    }

    private static int code(Exception x) {
        return switch (x) {
            case SMTPSendFailedException s -> s.getReturnCode();
            case SMTPAddressFailedException a -> a.getReturnCode();
            case SMTPSenderFailedException s -> s.getReturnCode();
            default -> 0;
        };
    }

    private Session session(Account a) throws GeneralSecurityException, IOException {
        String protocol = a.smtp().tls() == TlsMode.IMPLICIT ? "smtps" : "smtp";
        String p = "mail." + protocol + ".";
        Properties props = new Properties();
        props.put("mail.transport.protocol", protocol);
        props.put(p + "host", a.smtp().host());
        props.put(p + "port", String.valueOf(a.smtp().port()));
        props.put(p + "auth", "true");
        props.put(p + "from", a.address()); // Exmail refuses any MAIL FROM but the login's own address
        props.put(p + "connectiontimeout", String.valueOf(timeout.toMillis()));
        props.put(p + "timeout", String.valueOf(timeout.toMillis()));
        props.put(p + "writetimeout", String.valueOf(timeout.toMillis()));
        props.put(p + "ssl.checkserveridentity", "true");
        if (a.smtp().tls() == TlsMode.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (a.trustPem() != null && a.smtp().tls() != TlsMode.NONE) {
            props.put(p + "ssl.socketFactory", ImapSessions.trusting(a.trustPem()).getSocketFactory());
        }
        return Session.getInstance(props);
    }
}
