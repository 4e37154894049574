package io.mailwarden.message;

/**
 * Whether messages of a folder must be fetched whole ({@code BODY.PEEK[]}) or whether their header
 * section and MIME structure are enough. The IMAP side asks it again for every batch it fetches, so a
 * rules reload (or an archive newly covering a folder) takes effect without reconnecting.
 */
@FunctionalInterface
public interface BodyNeed {

    /** Every message whole: the safe answer when nothing better is known. */
    BodyNeed ALWAYS = (account, folder) -> true;

    /** Headers and structure only. */
    BodyNeed NEVER = (account, folder) -> false;

    /** True when some reader of the messages of {@code folder} in {@code account} needs their bodies. */
    boolean needsBody(String account, String folder);

    /** Needs the body when this or {@code other} does (the rules' need and the archive's, say). */
    default BodyNeed or(BodyNeed other) {
        return (account, folder) -> needsBody(account, folder) || other.needsBody(account, folder);
    }
}
