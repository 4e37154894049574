package io.mailwarden.testing.exmail;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one IMAP line into tokens: atoms (with {@code [...]} sections kept whole, as in
 * {@code BODY.PEEK[HEADER.FIELDS (FROM)]}), quoted strings, parenthesised lists and a trailing
 * literal marker. Only as much IMAP syntax as the rewriting rules need.
 */
final class ImapTokens {

    enum Kind { ATOM, QUOTED, LIST, LITERAL }

    /** One token as it appeared on the wire ({@code raw}) and its string value. */
    record Token(Kind kind, String raw) {
        /** Quoted strings unescaped; anything else as written. */
        String value() {
            if (kind != Kind.QUOTED) {
                return raw;
            }
            StringBuilder value = new StringBuilder(raw.length());
            for (int i = 1; i < raw.length() - 1; i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length() - 1) {
                    c = raw.charAt(++i);
                }
                value.append(c);
            }
            return value.toString();
        }

        boolean isString() {
            return kind == Kind.ATOM || kind == Kind.QUOTED;
        }

        static Token quoted(String value) {
            return new Token(Kind.QUOTED, quote(value));
        }
    }

    private ImapTokens() {
    }

    static List<Token> split(String line) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            int end;
            Kind kind;
            if (c == '"') {
                kind = Kind.QUOTED;
                end = endOfQuoted(line, i);
            } else if (c == '(') {
                kind = Kind.LIST;
                end = endOfList(line, i);
            } else if (c == '{' && ImapWire.literalSize(line.substring(i)) >= 0) {
                kind = Kind.LITERAL;
                end = n;
            } else {
                kind = Kind.ATOM;
                end = endOfAtom(line, i);
            }
            tokens.add(new Token(kind, line.substring(i, end)));
            i = end;
        }
        return tokens;
    }

    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static int endOfQuoted(String s, int start) {
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i + 1;
            }
        }
        return s.length();
    }

    private static int endOfList(String s, int start) {
        int depth = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                i = endOfQuoted(s, i) - 1;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return s.length();
    }

    private static int endOfAtom(String s, int start) {
        int brackets = 0;
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (c == ' ' && brackets <= 0) {
                return i;
            }
        }
        return s.length();
    }
}
