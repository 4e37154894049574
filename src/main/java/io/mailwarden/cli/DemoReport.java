package io.mailwarden.cli;

import io.mailwarden.state.AuditEntry;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What the demo prints: the actions taken, the mailbox afterwards, and how to keep watching. */
final class DemoReport {

    private DemoReport() {
    }

    static void print(PrintWriter out, List<AuditEntry> newestFirst, List<String> folders) {
        List<AuditEntry> entries = new ArrayList<>(newestFirst);
        Collections.reverse(entries);
        out.println("Actions taken (the audit trail):");
        for (AuditEntry e : entries) {
            if (!e.account().equals(DemoServer.ACCOUNT)) {
                continue;
            }
            out.printf("  %s #%d  %-26s %-32s %s%s%n", e.folder(), e.uid(), e.rule(), e.action(), e.outcome(),
                    e.detail().isEmpty() ? "" : " — " + e.detail());
        }
        out.println();
        out.println("The demo mailbox now:");
        folders.forEach(l -> out.println("  " + l));
    }

    static void howToWatch(PrintWriter out, int imapPort, int smtpPort) {
        out.println();
        out.println("mailwarden keeps watching the demo INBOX. To see a rule act on new mail, send one, e.g.:");
        out.printf("  curl -s smtp://127.0.0.1:%d --mail-from you@example.com --mail-rcpt %s --upload-file samples/mail/06-spam.eml%n",
                smtpPort, DemoServer.ADDRESS);
        out.printf("or open the mailbox in any mail client: IMAP 127.0.0.1:%d, user %s, password %s (no TLS).%n",
                imapPort, DemoServer.ACCOUNT, DemoServer.PASSWORD);
        out.println("Edit the files in rules/ and they are reloaded at once. Ctrl-C stops the demo.");
    }
}
