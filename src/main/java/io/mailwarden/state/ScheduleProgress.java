package io.mailwarden.state;

import java.time.Instant;

/**
 * How far a scheduled rule's run got in one folder.
 *
 * @param rule the rule's name
 * @param account the account
 * @param folder the folder
 * @param uidValidity the folder's UIDVALIDITY during the run
 * @param lastUid every message up to this UID was evaluated
 * @param runStarted when the run began
 * @param finishedAt when the run walked the whole folder, or null while it has not
 */
public record ScheduleProgress(String rule, String account, String folder, long uidValidity, long lastUid,
        Instant runStarted, Instant finishedAt) {

    public boolean finished() {
        return finishedAt != null;
    }
}
