package io.mailwarden.search;

/** A query that cannot be read; the message says what is wrong and where (a 400, never a 500). */
public final class QuerySyntaxException extends RuntimeException {

    private final int position;

    /** @param position the character index in the query where the problem is */
    public QuerySyntaxException(String message, int position) {
        super(message);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
