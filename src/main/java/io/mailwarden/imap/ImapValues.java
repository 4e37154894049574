package io.mailwarden.imap;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the values of a raw IMAP response (RFC 3501 §4): a parenthesized list becomes a {@code List},
 * an atom, quoted string or literal a {@code String}, NIL null. Bytes are ISO-8859-1 characters, so
 * raw 8-bit text comes back byte for byte. Never throws: what cannot be read ends the value early.
 */
final class ImapValues {

    private final String text;
    private int pos;

    private ImapValues(String text, int pos) {
        this.text = text;
        this.pos = pos;
    }

    /** The value of the named item of a FETCH response ({@code BODYSTRUCTURE}), or null when absent. */
    static Object item(String fetchResponse, String name) {
        int open = fetchResponse.indexOf('(');
        if (open < 0) {
            return null;
        }
        ImapValues r = new ImapValues(fetchResponse, open);
        if (!(r.value() instanceof List<?> items)) {
            return null;
        }
        for (int i = 0; i + 1 < items.size(); i += 2) {
            if (items.get(i) instanceof String n && n.equalsIgnoreCase(name)) {
                return items.get(i + 1);
            }
        }
        return null;
    }

    private Object value() {
        skipSpaces();
        if (pos >= text.length()) {
            return null;
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (true) {
                skipSpaces();
                if (pos >= text.length()) {
                    return list;
                }
                if (text.charAt(pos) == ')') {
                    pos++;
                    return list;
                }
                list.add(value());
            }
        }
        if (c == '"') {
            return quoted();
        }
        if (c == '{') {
            return literal();
        }
        String atom = atom();
        return atom.equalsIgnoreCase("NIL") ? null : atom;
    }

    private String quoted() {
        StringBuilder sb = new StringBuilder();
        for (pos++; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                sb.append(text.charAt(++pos));
            } else if (c == '"') {
                pos++;
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code {n}CRLF} followed by n octets. */
    private String literal() {
        int close = text.indexOf('}', pos);
        int start = text.indexOf('\n', close) + 1;
        try {
            int n = Integer.parseInt(text.substring(pos + 1, close));
            int end = Math.min(text.length(), start + n);
            pos = end;
            return text.substring(start, end);
        } catch (RuntimeException e) {
            pos = text.length();
            return "";
        }
    }

    /** An atom; a section such as {@code BODY[HEADER]} may hold spaces and parentheses between its brackets. */
    private String atom() {
        int start = pos;
        int depth = 0;
        for (; pos < text.length(); pos++) {
            char c = text.charAt(pos);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (depth <= 0 && (c == ' ' || c == '(' || c == ')' || c == '\r' || c == '\n')) {
                break;
            }
        }
        if (pos == start) {
            pos++; // a stray character: step over it
        }
        return text.substring(start, pos);
    }

    private void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\r' || text.charAt(pos) == '\n')) {
            pos++;
        }
    }
}
