package io.mailwarden.testing;

import io.mailwarden.message.parse.MimeDefaults;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets the {@code mail.mime.*} properties before any test runs. Jakarta Mail reads them once, when its classes load,
 * and GreenMail loads them too: a test of the parser that ran after a GreenMail test saw Jakarta Mail's defaults.
 */
public final class MimeDefaultsFirst implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        MimeDefaults.install();
    }
}
