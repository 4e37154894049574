package io.mailwarden.testing.exmail;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.imap.IMAPStore;

/** Shared test set-up: an Exmail-like account in GreenMail and Angus clients through the proxy. */
final class ExmailFixture {

    static final String USER = "zhang.san@example.cn";
    static final String PASSWORD = "client-specific-password";

    private ExmailFixture() {
    }

    static GreenMailUser account(GreenMailOperations greenMail) {
        return greenMail.setUser(USER, USER, PASSWORD);
    }

    static ExmailProxyBuilder proxyFor(GreenMailOperations greenMail) {
        return ExmailProxy.builder().upstream(greenMail.getImap().getServerSetup().getBindAddress(),
                greenMail.getImap().getPort());
    }

    /** An Angus session as the daemon would configure it, with no status caching. */
    static Session session() {
        Properties props = new Properties();
        props.setProperty("mail.imap.statuscachetimeout", "0");
        props.setProperty("mail.imap.connectiontimeout", "5000");
        props.setProperty("mail.imap.timeout", "5000");
        return Session.getInstance(props);
    }

    static IMAPStore connect(ExmailProxy proxy) throws MessagingException {
        IMAPStore store = (IMAPStore) session().getStore("imap");
        store.connect(proxy.host(), proxy.port(), USER, PASSWORD);
        return store;
    }

    static MimeMessage message(String subject, String body) throws MessagingException {
        MimeMessage message = new MimeMessage(session());
        message.setFrom(new InternetAddress("li.si@example.cn"));
        message.setRecipients(MimeMessage.RecipientType.TO, USER);
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        message.saveChanges();
        return message;
    }
}
