package io.mailwarden.search.query;

import java.util.List;

/** A parsed query: terms combined with AND, OR and NOT. */
sealed interface QueryNode {

    /** Every message (an empty query). */
    record All() implements QueryNode {
    }

    /** A word, a phrase, or an operator with its value. */
    record Term(Token token) implements QueryNode {
    }

    /** All of them (terms side by side). */
    record And(List<QueryNode> nodes) implements QueryNode {
    }

    /** Any of them ({@code OR}, {@code |}). */
    record Or(List<QueryNode> nodes) implements QueryNode {
    }

    /** Not this ({@code -}). */
    record Not(QueryNode node) implements QueryNode {
    }
}
