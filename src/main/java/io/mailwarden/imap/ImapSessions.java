package io.mailwarden.imap;

import io.mailwarden.account.Account;
import io.mailwarden.account.TlsMode;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Jakarta Mail sessions for an account's IMAP server: TLS verified (with the account's own PEM
 * certificates added when given), messages always fetched with PEEK (reading never marks mail read),
 * and a read timeout longer than an IDLE period so a quiet mailbox is not taken for a dead one.
 */
public final class ImapSessions {

    private ImapSessions() {
    }

    /** The protocol name Jakarta Mail uses for the account: imaps for implicit TLS, else imap. */
    public static String protocol(Account a) {
        return a.imap().tls() == TlsMode.IMPLICIT ? "imaps" : "imap";
    }

    public static Session session(Account a) throws GeneralSecurityException, IOException {
        String p = "mail." + protocol(a) + ".";
        Properties props = new Properties();
        props.put("mail.store.protocol", protocol(a));
        props.put(p + "host", a.imap().host());
        props.put(p + "port", String.valueOf(a.imap().port()));
        props.put(p + "connectiontimeout", "20000");
        props.put(p + "timeout", String.valueOf(a.idleRenew().plus(Duration.ofSeconds(90)).toMillis()));
        props.put(p + "writetimeout", "60000");
        props.put(p + "peek", "true");
        props.put(p + "fetchsize", String.valueOf(1 << 20));
        props.put(p + "appendbuffersize", String.valueOf(1 << 20));
        props.put(p + "statuscachetimeout", "0");
        props.put(p + "ssl.checkserveridentity", "true");
        if (a.imap().tls() == TlsMode.STARTTLS) {
            props.put(p + "starttls.enable", "true");
            props.put(p + "starttls.required", "true");
        }
        if (a.trustPem() != null && a.imap().tls() != TlsMode.NONE) {
            props.put(p + "ssl.socketFactory", trusting(a.trustPem()).getSocketFactory());
        }
        return Session.getInstance(props);
    }

    /** An SSL context that trusts the system's CAs plus the certificates in the PEM file. */
    public static SSLContext trusting(Path pem) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        system.init((KeyStore) null);
        int i = 0;
        for (var tm : system.getTrustManagers()) {
            if (tm instanceof javax.net.ssl.X509TrustManager x) {
                for (var cert : x.getAcceptedIssuers()) {
                    ks.setCertificateEntry("system-" + i++, cert);
                }
            }
        }
        try (InputStream in = Files.newInputStream(pem)) {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("pem-" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
