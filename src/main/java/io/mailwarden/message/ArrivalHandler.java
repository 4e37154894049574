package io.mailwarden.message;

/** Handles each message a watcher finds, in UID order, through the watcher's own connection. */
@FunctionalInterface
public interface ArrivalHandler {

    /** What the watcher does next. */
    enum Disposition {
        /** Handled (or given up on for good): the folder's checkpoint is past it; go on. */
        DONE,
        /** Not handled yet: stop here and try this message again later. */
        RETRY
    }

    Disposition handle(MessageArrived message, MailboxPort port);
}
