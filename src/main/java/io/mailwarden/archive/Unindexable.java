package io.mailwarden.archive;

import io.mailwarden.archive.index.Fields;
import io.mailwarden.archive.index.MessageDocument;
import io.mailwarden.archive.index.SearchableIndex;
import io.mailwarden.archive.index.TextQueries;
import io.mailwarden.message.RawHeaders;
import io.mailwarden.message.RawMessage;
import io.mailwarden.message.parse.HeaderText;
import io.mailwarden.state.ArchivedLocation;
import java.util.List;
import org.apache.lucene.search.Query;

/**
 * The document of a message whose own could not be made or indexed: what the catalog knows of its place,
 * its Subject (decoded if it can be, else as written), and the problem, so that {@code problem:indexed} lists
 * such messages and each can still be found, opened and downloaded whole. Its bytes are in the store like any other's;
 * {@code mailwarden reindex} tries it again.
 */
public final class Unindexable {

    /** The problem's opening words, what a search for such messages looks for. */
    static final String PROBLEM = "message could not be indexed";
    /** An exception's text can quote the input; the problem needs its start only. */
    private static final int MAX_CAUSE = 500;

    private Unindexable() {
    }

    static MessageDocument document(ArchivedLocation place, RawMessage raw, Throwable why) {
        String cause = why.toString();
        if (cause.length() > MAX_CAUSE) {
            int end = Character.isHighSurrogate(cause.charAt(MAX_CAUSE - 1)) ? MAX_CAUSE - 1 : MAX_CAUSE;
            cause = cause.substring(0, end) + "…";
        }
        String problem = PROBLEM + " (" + cause + "): only its place, its Subject and this problem are"
                + " searchable; the message is kept whole";
        return new MessageDocument(place.id(), place.account(), place.folder(), place.uidValidity(), place.uid(),
                place.contentHash(), place.messageId(), "", List.of(), List.of(), List.of(), List.of(),
                subject(raw), place.internalDate(), place.size(), place.imapFlags(), List.of(), "", place.rules(),
                List.of(problem), place.status() == ArchivedLocation.Status.DELETED);
    }

    /** How many messages of {@code index} are indexed by their place only. */
    public static int count(SearchableIndex index) {
        Query query = new TextQueries().in(PROBLEM, List.of(Fields.PROBLEM)).orElseThrow();
        return index.withSearcher(s -> s.count(query));
    }

    private static String subject(RawMessage raw) {
        String written;
        try {
            written = RawHeaders.field(raw.head(), "subject");
        } catch (RuntimeException e) {
            return ""; // the file a spooled message was in is unreadable: its place still says what it is
        }
        try {
            return HeaderText.decode(written);
        } catch (RuntimeException | StackOverflowError e) {
            return written; // the parser may be what failed: the Subject as written, encoded-words and all
        }
    }
}
