package io.mailwarden.search.query;

import io.mailwarden.search.QuerySyntaxException;
import io.mailwarden.search.query.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the tokens. As in Gmail, {@code OR} binds tighter than the implicit AND, so
 * {@code a b OR c} is {@code a AND (b OR c)}; {@code -} applies to the term or group right after it.
 *
 * <pre>
 * query   = and EOF
 * and     = or { or }
 * or      = unary { ("OR" | "|") unary }
 * unary   = "-" unary | primary
 * primary = "(" and ")" | word | phrase | operator:value
 * </pre>
 */
final class QueryParser {

    /** Groups and negations nested deeper than this are refused (the parser and the query recurse per level). */
    static final int MAX_DEPTH = 64;

    private final List<Token> tokens;
    private int next;
    private int depth;

    private QueryParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** @throws QuerySyntaxException pointing at the problem */
    static QueryNode parse(String query) {
        List<Token> tokens = QueryLexer.tokens(query);
        if (tokens.isEmpty()) {
            return new QueryNode.All();
        }
        QueryParser p = new QueryParser(tokens);
        QueryNode node = p.and(null);
        if (p.next < tokens.size()) {
            Token stray = tokens.get(p.next);
            throw new QuerySyntaxException("unexpected ')' at " + stray.column() + ": no '(' before it", stray.position());
        }
        return node;
    }

    /** @param open the '(' this group started with, or null at the top */
    private QueryNode and(Token open) {
        List<QueryNode> nodes = new ArrayList<>();
        while (!atEnd() && peek().kind() != Kind.CLOSE) {
            nodes.add(or());
        }
        if (nodes.isEmpty() && open == null) {
            throw new QuerySyntaxException("unexpected ')' at " + peek().column() + ": no '(' before it", peek().position());
        }
        if (nodes.isEmpty()) {
            throw new QuerySyntaxException("empty parentheses at " + open.column() + ": put a term inside", open.position());
        }
        return nodes.size() == 1 ? nodes.getFirst() : new QueryNode.And(nodes);
    }

    private QueryNode or() {
        if (peek().kind() == Kind.OR) {
            throw new QuerySyntaxException("OR at " + peek().column() + " needs a term before it", peek().position());
        }
        List<QueryNode> nodes = new ArrayList<>(List.of(unary()));
        while (!atEnd() && peek().kind() == Kind.OR) {
            Token or = tokens.get(next++);
            if (atEnd() || peek().kind() == Kind.CLOSE || peek().kind() == Kind.OR) {
                throw new QuerySyntaxException("OR at " + or.column() + " needs a term after it", or.position());
            }
            nodes.add(unary());
        }
        return nodes.size() == 1 ? nodes.getFirst() : new QueryNode.Or(nodes);
    }

    private QueryNode unary() {
        Token t = tokens.get(next);
        if (t.kind() == Kind.NOT) {
            next++;
            if (atEnd() || peek().kind() == Kind.CLOSE || peek().kind() == Kind.OR) {
                throw new QuerySyntaxException("'-' at " + t.column() + " needs a term right after it", t.position());
            }
            enter(t);
            QueryNode negated = new QueryNode.Not(unary());
            depth--;
            return negated;
        }
        return primary();
    }

    private QueryNode primary() {
        Token t = tokens.get(next++);
        if (t.kind() == Kind.OPEN) {
            enter(t);
            QueryNode inner = and(t);
            depth--;
            if (atEnd()) {
                throw new QuerySyntaxException("unclosed '(' at " + t.column(), t.position());
            }
            next++;
            return inner;
        }
        return new QueryNode.Term(t);
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw new QuerySyntaxException("nested deeper than " + MAX_DEPTH + " levels at " + t.column(), t.position());
        }
    }

    private boolean atEnd() {
        return next >= tokens.size();
    }

    private Token peek() {
        return tokens.get(next);
    }
}
