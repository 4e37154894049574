package io.mailwarden.outbound;

import io.mailwarden.account.Account;
import io.mailwarden.imap.ImapSessions;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;

/** Appends a copy of sent mail to the account's {@code sent-folder} over IMAP, marked read. */
final class SentCopy {

    private SentCopy() {
    }

    /** Appends {@code content}; the folder ({@code /} between levels) is created when missing. */
    static void append(Account account, byte[] content) throws MessagingException, IOException, GeneralSecurityException {
        Session session = ImapSessions.session(account);
        try (Store store = session.getStore(ImapSessions.protocol(account))) {
            store.connect(account.imap().host(), account.imap().port(), account.username(), account.password().value());
            char separator = store.getDefaultFolder().getSeparator();
            Folder folder = store.getFolder(account.sentFolder().replace('/', separator));
            if (!folder.exists()) {
                folder.create(Folder.HOLDS_MESSAGES);
            }
            MimeMessage copy = new MimeMessage(session, new ByteArrayInputStream(content));
            copy.setFlags(new Flags(Flags.Flag.SEEN), true);
            folder.appendMessages(new Message[] {copy});
        }
    }
}
