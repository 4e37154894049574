package io.mailwarden.account;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Server presets, so an admin names the provider instead of hosts and ports. */
public enum Provider {
    EXMAIL(new Endpoint("imap.exmail.qq.com", 993, TlsMode.IMPLICIT), new Endpoint("smtp.exmail.qq.com", 465, TlsMode.IMPLICIT)),
    EXMAIL_OVERSEAS(new Endpoint("hwimap.exmail.qq.com", 993, TlsMode.IMPLICIT),
            new Endpoint("hwsmtp.exmail.qq.com", 465, TlsMode.IMPLICIT)),
    QQ(new Endpoint("imap.qq.com", 993, TlsMode.IMPLICIT), new Endpoint("smtp.qq.com", 465, TlsMode.IMPLICIT)),
    GMAIL(new Endpoint("imap.gmail.com", 993, TlsMode.IMPLICIT), new Endpoint("smtp.gmail.com", 465, TlsMode.IMPLICIT)),
    OUTLOOK(new Endpoint("outlook.office365.com", 993, TlsMode.IMPLICIT),
            new Endpoint("smtp.office365.com", 587, TlsMode.STARTTLS)),
    CUSTOM(null, null);

    private final Endpoint imap;
    private final Endpoint smtp;

    Provider(Endpoint imap, Endpoint smtp) {
        this.imap = imap;
        this.smtp = smtp;
    }

    /** The preset IMAP endpoint, or null for custom. */
    public Endpoint imap() {
        return imap;
    }

    /** The preset SMTP endpoint, or null for custom. */
    public Endpoint smtp() {
        return smtp;
    }

    /** Whether the server is Tencent's, whose quirks (30-day window, hidden folders) apply. */
    public boolean isTencent() {
        return this == EXMAIL || this == EXMAIL_OVERSEAS || this == QQ;
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Provider parse(String s) {
        for (Provider p : values()) {
            if (p.configName().equals(s.strip().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        return null;
    }

    static List<String> names() {
        return Arrays.stream(values()).map(Provider::configName).toList();
    }
}
