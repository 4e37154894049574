package io.mailwarden.archive.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The name of every field of an archived message's Lucene document, and how each is indexed.
 *
 * <p>Kinds of field, as the constants below say:
 * <ul>
 *   <li><b>exact</b>: one un-analysed term per value ({@code StringField}); values said to be
 *       <i>lower-cased</i> go through {@link #exact(String)} both when indexed and when queried;</li>
 *   <li><b>text</b>: analysed with the bigram chain of {@link MailAnalyzers} (full recall for Chinese
 *       words of any length, English words, mixed tokens);</li>
 *   <li><b>words</b>: the same text again (its first {@link #WORDS_MAX_CHARS} characters), segmented into
 *       Chinese words (see {@link MailAnalyzers}), frequencies without positions; only to rank hits (a query never
 *       needs it to match);</li>
 *   <li><b>long</b>: {@code LongPoint} for ranges and exact values.</li>
 * </ul>
 * Every value a hit list or {@link ArchiveIndex#get} needs is stored, so neither needs the raw store.
 * Multi-valued per-attachment fields are stored in attachment order, one value per attachment (an
 * empty string when there is none), so that their n-th values belong together.
 */
public final class Fields {

    /** Exact, stored, sorted doc values: the caller's opaque id of this message location; the update key. */
    public static final String ID = "id";
    /** Exact (as given), stored: the account's configured id. */
    public static final String ACCOUNT = "account";
    /** Exact (as given, e.g. {@code 其他文件夹/发票}), stored: the folder the message is in. */
    public static final String FOLDER = "folder";
    /** Long, stored: the folder's UIDVALIDITY. */
    public static final String UID_VALIDITY = "uidvalidity";
    /** Long, stored: the message's UID in its folder. */
    public static final String UID = "uid";
    /** Exact, stored: Message-ID without angle brackets ({@link #messageId(String)}), case kept. */
    public static final String MESSAGE_ID = "message_id";
    /** Exact, stored: In-Reply-To, as {@link #MESSAGE_ID}. */
    public static final String IN_REPLY_TO = "in_reply_to";
    /** Exact, stored, one value per id: the References header, as {@link #MESSAGE_ID}. */
    public static final String REFERENCES = "references";
    /**
     * Exact, not stored: {@link #MESSAGE_ID}, {@link #IN_REPLY_TO} and {@link #REFERENCES} together, so
     * that one term query finds a message, its replies and everything later in its thread.
     */
    public static final String THREAD = "thread";

    /** Exact lower-cased addresses; stored as written, one value per address. */
    public static final String FROM = "from";
    /** Exact lower-cased addresses; stored as written, one value per address. */
    public static final String TO = "to";
    /** Exact lower-cased addresses; stored as written, one value per address. */
    public static final String CC = "cc";
    /** Stored only: the display name of each {@link #FROM} address, in the same order ("" when none). */
    public static final String FROM_NAME = "from_name";
    /** Stored only: the display name of each {@link #TO} address, in the same order ("" when none). */
    public static final String TO_NAME = "to_name";
    /** Stored only: the display name of each {@link #CC} address, in the same order ("" when none). */
    public static final String CC_NAME = "cc_name";
    /** Exact lower-cased, not stored: each sender domain and its parents ({@link #domains(String)}). */
    public static final String FROM_DOMAIN = "from_domain";
    /** Exact lower-cased, not stored: each recipient domain and its parents. */
    public static final String TO_DOMAIN = "to_domain";
    /** Exact lower-cased, not stored: each Cc domain and its parents. */
    public static final String CC_DOMAIN = "cc_domain";
    /** Text, not stored: display names and addresses of the senders (so {@code 张伟} or {@code alice} find them). */
    public static final String FROM_TEXT = "from_text";
    /** Text, not stored: display names and addresses of the recipients. */
    public static final String TO_TEXT = "to_text";
    /** Text, not stored: display names and addresses of the Cc recipients. */
    public static final String CC_TEXT = "cc_text";

    /**
     * How many characters of each text value its words field gets (the rest is in the text field only).
     * Words fields exist only for subject and body, and only when the text has Han characters: segmenting is
     * the costliest step of indexing and only ranks, and English is ranked well by the text field alone.
     */
    public static final int WORDS_MAX_CHARS = 1024;

    /**
     * The longest term of an exact field, in chars (each at most 3 bytes of UTF-8): Lucene refuses a term over 32,766
     * bytes, and one refused term fails the whole document, so a 40 KB Message-ID would keep its message out of the
     * index and stop the backfill of its folder at it. Longer values are cut, in documents and queries alike.
     */
    public static final int MAX_EXACT_CHARS = 8192;

    /** Text, stored: the decoded Subject. */
    public static final String SUBJECT = "subject";
    /** Words, not stored: {@link #SUBJECT} segmented by smartcn, when it has Han characters. */
    public static final String SUBJECT_WORDS = "subject_words";
    /** Text, stored: the body text (plain text, or the HTML part's text). */
    public static final String BODY = "body";
    /** Words, not stored: {@link #BODY} segmented by ICU's dictionary, when it has Han characters. */
    public static final String BODY_WORDS = "body_words";

    /** Long (epoch milliseconds), stored, numeric doc values for sorting; absent when the message has no date. */
    public static final String DATE = "date";
    /** Long (bytes of the raw message), stored, numeric doc values for sorting. */
    public static final String SIZE = "size";
    /** Exact lower-cased IMAP flags and keywords ({@code \seen}, {@code $forwarded}); stored as given. */
    public static final String FLAG = "flag";

    /** Int point, not stored: how many attachments ({@code has:attachment} is {@code > 0}). */
    public static final String ATTACHMENT_COUNT = "attachment_count";
    /** Exact lower-cased file names ({@code filename:report.pdf}); stored as given, per attachment. */
    public static final String ATTACHMENT_NAME = "attachment_name";
    /** Text, not stored: file names split at dots, dashes and underscores ({@code filename:发票}, {@code filename:pdf}). */
    public static final String ATTACHMENT_NAME_TEXT = "attachment_name_text";
    /** Exact lower-cased media types as detected ({@code application/pdf}); stored, per attachment. */
    public static final String ATTACHMENT_TYPE = "attachment_type";
    /** Stored only: each attachment's size in bytes (decoded), per attachment. */
    public static final String ATTACHMENT_SIZE = "attachment_size";
    /** Text, stored per attachment: the text extracted from it ("" when none). */
    public static final String ATTACHMENT_TEXT = "attachment_text";
    /** Stored only: what went wrong extracting each attachment ("" when nothing), per attachment. */
    public static final String ATTACHMENT_PROBLEM = "attachment_problem";

    /**
     * Text: every extraction or parsing problem (message-level ones stored here, attachment ones in
     * {@link #ATTACHMENT_PROBLEM}), so {@code problem:encrypted} finds them.
     */
    public static final String PROBLEM = "problem";
    /** Exact lower-cased, stored as given: the names of the rules that acted on the message. */
    public static final String RULE = "rule";
    /** Exact lower-case hex SHA-256 of the raw message, stored, sorted doc values: the raw store's key. */
    public static final String CONTENT_HASH = "content_hash";
    /**
     * Numeric doc values only, 1 or 0: the message is gone from the server (the archive keeps it).
     * Doc values so that {@link ArchiveIndex#setDeletedOnServer} updates it in place.
     */
    public static final String DELETED_ON_SERVER = "deleted_on_server";

    /** The text fields free words search (issue 6): subject, body, attachment text, names, addresses, file names. */
    public static final List<String> FREE_TEXT = List.of(SUBJECT, BODY, ATTACHMENT_TEXT,
            FROM_TEXT, TO_TEXT, CC_TEXT, ATTACHMENT_NAME_TEXT);

    private Fields() {
    }

    /** The words companion of a text field, or null when it has none. */
    public static String wordsOf(String textField) {
        return switch (textField) {
            case SUBJECT -> SUBJECT_WORDS;
            case BODY -> BODY_WORDS;
            default -> null;
        };
    }

    /** Whether {@code text} has a Han character (the only text that gets a words field). */
    public static boolean hasHan(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // everything below U+2E80 (CJK radicals) is not Han: one compare for Latin text
            if (c >= '\u2E80' && Character.UnicodeScript.of(Character.codePointAt(text, i)) == Character.UnicodeScript.HAN) {
                return true;
            }
        }
        return false;
    }

    /** The term of a lower-cased exact field: stripped and lower-cased (root locale). */
    public static String exact(String value) {
        return value == null ? "" : bounded(value.strip().toLowerCase(Locale.ROOT));
    }

    /** A Message-ID as indexed: without surrounding whitespace and angle brackets; case kept. */
    public static String messageId(String value) {
        if (value == null) {
            return "";
        }
        String id = value.strip();
        if (id.startsWith("<") && id.endsWith(">") && id.length() >= 2) {
            id = id.substring(1, id.length() - 1).strip();
        }
        return bounded(id);
    }

    /** {@code term} cut to {@link #MAX_EXACT_CHARS}, never between the two halves of a surrogate pair. */
    private static String bounded(String term) {
        if (term.length() <= MAX_EXACT_CHARS) {
            return term;
        }
        int end = Character.isHighSurrogate(term.charAt(MAX_EXACT_CHARS - 1)) ? MAX_EXACT_CHARS - 1 : MAX_EXACT_CHARS;
        return term.substring(0, end);
    }

    /**
     * The domain terms of an address: its lower-cased domain and each parent with at least two labels,
     * so {@code billing@mail.vendor.example} is found by {@code vendor.example} too. Empty when the
     * address has no domain.
     */
    public static List<String> domains(String address) {
        String a = exact(address);
        int at = a.lastIndexOf('@');
        List<String> out = new ArrayList<>();
        if (at < 0 || at == a.length() - 1) {
            return out;
        }
        String domain = a.substring(at + 1);
        while (true) {
            out.add(domain);
            int dot = domain.indexOf('.');
            if (dot < 0 || domain.indexOf('.', dot + 1) < 0) {
                return out;
            }
            domain = domain.substring(dot + 1);
        }
    }
}
