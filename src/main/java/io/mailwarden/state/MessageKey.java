package io.mailwarden.state;

import java.util.Objects;

/** One message on the server: its account, folder, the folder's UIDVALIDITY and the message's UID. */
public record MessageKey(String account, String folder, long uidValidity, long uid) {

    public MessageKey {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(folder, "folder");
    }

    @Override
    public String toString() {
        return "account " + account + ", folder " + folder + ", UIDVALIDITY " + uidValidity + ", UID " + uid;
    }
}
