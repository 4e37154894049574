package io.mailwarden.message.parse;

/**
 * The Jakarta Mail {@code mail.mime.*} settings that real-world (and Chinese) mail needs. They are
 * system properties that Jakarta Mail reads once, when its classes initialise, so {@link #install()}
 * must run before any mail class is used: the launcher's main and {@link MessageParser} call it.
 */
public final class MimeDefaults {

    private MimeDefaults() {
    }

    public static void install() {
        setIfAbsent("mail.mime.decodetext.strict", "false");
        setIfAbsent("mail.mime.decodefilename", "true");
        setIfAbsent("mail.mime.decodeparameters", "true");
        setIfAbsent("mail.mime.parameters.strict", "false");
        setIfAbsent("mail.mime.address.strict", "false");
        setIfAbsent("mail.mime.base64.ignoreerrors", "true");
        setIfAbsent("mail.mime.uudecode.ignoreerrors", "true");
        setIfAbsent("mail.mime.ignoreunknownencoding", "true");
        setIfAbsent("mail.mime.multipart.allowempty", "true");
        setIfAbsent("mail.mime.multipart.ignoremissingendboundary", "true");
        setIfAbsent("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        // named, so Jakarta Mail skips a ServiceLoader scan of the class path on every header parse
        setIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
