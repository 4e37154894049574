package io.mailwarden.backup.format;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Maildir++ as mailwarden writes it: the account's directory is the Maildir of INBOX, folder
 * {@code a/b} is the sub-Maildir {@code .a.b} (a dot inside a level becomes {@code %2E}; names stay UTF-8,
 * not Dovecot's modified UTF-7), each with {@code cur/ new/ tmp/} and an empty {@code maildirfolder}.
 * Messages are delivered as a Maildir delivery does (written in {@code tmp/}, renamed into {@code cur/}),
 * named {@code SECONDS.PpidQnRrandom.mailwarden,S=SIZE:2,FLAGS} with SECONDS and the file's
 * modification time the internal date.
 */
final class MaildirFiles {

    static final String INFO = ":2,";
    static final String FOLDER_MARK = "maildirfolder";

    private MaildirFiles() {
    }

    static String layout(String accountDir, List<String> levels) {
        if (levels.size() == 1 && levels.get(0).equals("INBOX")) {
            return accountDir;
        }
        return accountDir + "/." + levels.stream().map(l -> SafeNames.segment(l, ".")).collect(Collectors.joining("."));
    }

    /** The folder a Maildir++ sub-directory name ({@code .a.b}) stands for. */
    static String folderOf(String dirName) {
        return dirName.substring(1).replace('.', '/');
    }

    /** The info part of a file name (after {@code :2,} or Windows' {@code !2,}), or "" when it has none. */
    static String info(String fileName) {
        int i = fileName.lastIndexOf(INFO);
        if (i < 0) {
            i = fileName.lastIndexOf("!2,");
        }
        return i < 0 ? "" : fileName.substring(i + 3);
    }
}
