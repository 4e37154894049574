package io.mailwarden.testing.exmail;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which connection most recently SELECTed or EXAMINEd each folder. Exmail pushes new mail
 * (untagged EXISTS/RECENT) only to that connection; the proxy suppresses them elsewhere.
 * Folders are keyed by the name the client sent ({@code INBOX} in any case is one folder).
 */
final class FolderPushes {

    private final Map<String, Integer> latest = new ConcurrentHashMap<>();

    static String key(String folder) {
        return folder.equalsIgnoreCase("INBOX") ? "INBOX" : folder;
    }

    void selected(String folder, int connection) {
        latest.put(key(folder), connection);
    }

    boolean isLatest(String folder, int connection) {
        Integer holder = latest.get(key(folder));
        return holder == null || holder == connection;
    }

    @Override
    public String toString() {
        return latest.toString();
    }
}
