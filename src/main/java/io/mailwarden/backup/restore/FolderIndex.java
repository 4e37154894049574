package io.mailwarden.backup.restore;

import io.mailwarden.message.MailboxAppender.Contents;
import io.mailwarden.message.MailboxAppender.Held;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one target folder holds, for the run: its messages by Message-ID (and, lacking one, by size), the
 * hashes read so far, and the keys of what this run appended, so that a source holding a message twice
 * appends it once. A message is there when one with the same Message-ID has the same hash, or, without a
 * Message-ID, one of the same size has the same hash.
 */
final class FolderIndex {

    /** The target's server name. */
    final String serverName;
    /** Whether the folder exists (a dry run does not create it). */
    final boolean exists;
    final boolean keywords;
    final Set<String> allowed;
    private final Map<String, List<Long>> byMessageId = new HashMap<>();
    private final Map<Long, List<Long>> bySize = new HashMap<>();
    private final Map<Long, Long> sizes = new HashMap<>();
    private final Map<Long, String> hashes = new HashMap<>();
    private final Set<String> keys = new HashSet<>();

    FolderIndex(String serverName, boolean exists, Contents contents) {
        this.serverName = serverName;
        this.exists = exists;
        this.keywords = contents.keywords();
        this.allowed = contents.allowed();
        for (Held h : contents.messages()) {
            if (h.messageId().isEmpty()) {
                bySize.computeIfAbsent(h.size(), s -> new ArrayList<>()).add(h.uid());
            } else {
                byMessageId.computeIfAbsent(h.messageId(), s -> new ArrayList<>()).add(h.uid());
            }
            sizes.put(h.uid(), h.size());
        }
    }

    /** The UIDs whose hash must be read before {@link #holds} can answer for {@code r}. */
    List<Long> unread(Restoring r) {
        if (keys.contains(r.key())) {
            return List.of();
        }
        return candidates(r).stream().filter(uid -> !hashes.containsKey(uid)).toList();
    }

    /** Whether the folder holds {@code r} (its candidates' hashes read). */
    boolean holds(Restoring r) {
        if (keys.contains(r.key())) {
            return true;
        }
        for (long uid : candidates(r)) {
            if (r.hash().equals(hashes.get(uid))) {
                keys.add(r.key());
                return true;
            }
        }
        return false;
    }

    private List<Long> candidates(Restoring r) {
        List<Long> found = r.messageId().isEmpty() ? bySize.get(r.raw().size()) : byMessageId.get(r.messageId());
        return found == null ? List.of() : found;
    }

    /** Hashes read from the server; a UID it did not give is gone and matches nothing. */
    void learn(List<Long> asked, Map<Long, String> read) {
        for (long uid : asked) {
            hashes.put(uid, read.getOrDefault(uid, ""));
        }
    }

    /** The server's size of a listed message (for bounding reads). */
    long size(long uid) {
        return sizes.getOrDefault(uid, 0L);
    }

    /** {@code r} is now in the folder. */
    void added(Restoring r) {
        keys.add(r.key());
    }
}
