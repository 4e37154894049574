package io.mailwarden.search.query;

/**
 * One token of a query.
 *
 * @param kind what it is
 * @param operator for {@link Kind#FIELD}: the operator's name, lower-case, without the colon
 * @param text a word, the phrase without its quotes, or the operator's value
 * @param quoted the text was written in quotes
 * @param position where the token starts (character index from 0)
 */
record Token(Kind kind, String operator, String text, boolean quoted, int position) {

    enum Kind {
        WORD, FIELD, OPEN, CLOSE, OR, NOT
    }

    static Token of(Kind kind, int position) {
        return new Token(kind, "", "", false, position);
    }

    /** Where the token starts, as a person counts (from 1). */
    int column() {
        return position + 1;
    }
}
