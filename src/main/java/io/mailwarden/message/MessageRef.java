package io.mailwarden.message;

/**
 * Where a message is on a server: unique as long as the folder's UIDVALIDITY holds.
 *
 * @param account the configured account name
 * @param folder the decoded folder name
 * @param uidValidity the folder's UIDVALIDITY
 * @param uid the message's UID
 */
public record MessageRef(String account, String folder, long uidValidity, long uid) {

    @Override
    public String toString() {
        return account + ":" + folder + "#" + uid;
    }
}
