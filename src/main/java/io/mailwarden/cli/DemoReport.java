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

    /**
     * Prints the audit entries of the demo account since {@code since} (earlier demo runs left theirs), the
     * mailbox, and the automatic mail the demo's SMTP server received.
     */
    static void print(PrintWriter out, List<AuditEntry> newestFirst, java.time.Instant since, List<String> folders,
            List<String> sent) {
        List<AuditEntry> entries = new ArrayList<>(newestFirst);
        Collections.reverse(entries);
        out.println("Actions taken (the audit trail):");
        for (AuditEntry e : entries) {
            if (!e.account().equals(DemoServer.ACCOUNT) || e.at().isBefore(since)) {
                continue;
            }
            out.printf("  %s  %s %s %s%s%n", pad(e.folder() + " #" + e.uid(), 10), pad(e.rule(), 26), pad(e.action(), 32),
                    e.outcome(), e.detail().isEmpty() ? "" : " — " + e.detail());
        }
        out.println();
        out.println("The demo mailbox now:");
        folders.forEach(l -> out.println("  " + l));
        out.println();
        out.println("Automatic mail sent through the demo's SMTP server:");
        if (sent.isEmpty()) {
            out.println("  (none)");
        }
        sent.forEach(l -> out.println("  " + l));
    }

    /** Pads to a width in terminal columns: Chinese characters take two. */
    static String pad(String s, int columns) {
        int width = s.codePoints().map(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFF60) ? 2 : 1).sum();
        return width >= columns ? s : s + " ".repeat(columns - width);
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

    /**
     * Where the search page is and where its token is. The token itself is not printed: the demo's data directory
     * may later serve {@code run}, and terminal output ends up in scrollback and logs.
     */
    static void howToSearch(PrintWriter out, int httpPort, String tokenWhere) {
        out.printf("Search the archived mail at http://127.0.0.1:%d/ — the page asks for the API token, which is %s.%n",
                httpPort, tokenWhere);
    }
}
