package io.mailwarden.search.query;

import io.mailwarden.plugin.Suggest;
import io.mailwarden.search.QuerySyntaxException;
import io.mailwarden.search.query.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Splits a query into tokens: words, quoted phrases, {@code operator:value}, parentheses, {@code OR}, {@code -}. */
final class QueryLexer {

    /** What may stand before a colon to make an operator; anything else ({@code 10:30}, {@code 注意:}) is a word. */
    private static final Pattern OPERATOR_NAME = Pattern.compile("[A-Za-z_]{2,}");

    private final String query;
    private int at;

    private QueryLexer(String query) {
        this.query = query;
    }

    static List<Token> tokens(String query) {
        return new QueryLexer(query).all();
    }

    private List<Token> all() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (at >= query.length()) {
                return out;
            }
            int start = at;
            char c = query.charAt(at);
            if (c == '(' || c == ')') {
                at++;
                out.add(Token.of(c == '(' ? Kind.OPEN : Kind.CLOSE, start));
            } else if (c == '|') {
                at++;
                out.add(Token.of(Kind.OR, start));
            } else if (isQuote(c)) {
                out.add(new Token(Kind.WORD, "", phrase(), true, start));
            } else if (c == '-' && at + 1 < query.length() && !isSpace(query.charAt(at + 1)) && query.charAt(at + 1) != ')') {
                at++;
                out.add(Token.of(Kind.NOT, start));
            } else {
                Token t = word(start);
                if (t != null) {
                    out.add(t);
                }
            }
        }
    }

    /** A bare word, {@code OR}, or an operator with its value; null for an explicit {@code AND}. */
    private Token word(int start) {
        while (at < query.length() && !ends(query.charAt(at)) && !isQuote(query.charAt(at))) {
            at++;
        }
        String word = query.substring(start, at);
        if (word.equals("OR")) {
            return Token.of(Kind.OR, start);
        }
        if (word.equals("AND")) {
            return null;
        }
        int colon = word.indexOf(':');
        if (colon < 0 || !OPERATOR_NAME.matcher(word.substring(0, colon)).matches()) {
            return new Token(Kind.WORD, "", word, false, start);
        }
        String name = word.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!Operators.NAMES.contains(name)) {
            String hint = Suggest.didYouMean(name + ":", Operators.NAMES.stream().map(n -> n + ":").toList());
            if (hint.isEmpty()) {
                // not an operator anyone meant (http://..., Re:): plain text
                return new Token(Kind.WORD, "", word, false, start);
            }
            throw new QuerySyntaxException("unknown operator '" + word.substring(0, colon + 1) + "' at " + (start + 1)
                    + hint, start);
        }
        String value = word.substring(colon + 1);
        if (value.isEmpty() && at < query.length() && isQuote(query.charAt(at))) {
            return new Token(Kind.FIELD, name, phrase(), true, start);
        }
        if (value.isEmpty()) {
            throw new QuerySyntaxException(name + ": needs a value right after the colon, at " + (start + 1)
                    + " (e.g. " + Operators.example(name) + ")", start);
        }
        return new Token(Kind.FIELD, name, value, false, start);
    }

    /** The text between quotes; {@code at} is on the opening quote. */
    private String phrase() {
        int open = at;
        at++;
        int close = at;
        while (close < query.length() && !isQuote(query.charAt(close))) {
            close++;
        }
        if (close >= query.length()) {
            throw new QuerySyntaxException("unclosed quote at " + (open + 1), open);
        }
        at = close + 1;
        return query.substring(open + 1, close);
    }

    private void skipSpace() {
        while (at < query.length() && isSpace(query.charAt(at))) {
            at++;
        }
    }

    private static boolean ends(char c) {
        return isSpace(c) || c == '(' || c == ')';
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    // Chinese input methods type “…” for quotes
    private static boolean isQuote(char c) {
        return c == '"' || c == '“' || c == '”';
    }
}
