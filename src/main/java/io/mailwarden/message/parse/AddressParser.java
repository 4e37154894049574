package io.mailwarden.message.parse;

import io.mailwarden.message.Address;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A forgiving reader of address lists. It splits at top-level commas, takes the address from the
 * last {@code <...>} of each item and the display name from what stands before it, so names holding
 * {@code @}, commas inside quotes, comments and groups ({@code undisclosed-recipients:;}) all work.
 * Display names are decoded after splitting, so a decoded comma can never split an address.
 */
public final class AddressParser {

    private static final Pattern FOLD = Pattern.compile("\r?\n[ \t]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern QUOTED_PAIR = Pattern.compile("\\\\(.)");

    private AddressParser() {
    }

    public static List<Address> parse(String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        List<Address> out = new ArrayList<>(2);
        for (String item : splitTopLevel(FOLD.matcher(header).replaceAll(" "))) {
            Address a = parseOne(item.strip());
            if (a != null) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }

    private static Address parseOne(String item) {
        String s = stripGroup(item);
        if (s.isEmpty()) {
            return null;
        }
        int open = lastUnquoted(s, '<');
        if (open >= 0) {
            int close = s.indexOf('>', open);
            String addr = s.substring(open + 1, close < 0 ? s.length() : close);
            String name = s.substring(0, open).strip();
            return new Address(clean(addr), decodeName(name));
        }
        // bare addr-spec, perhaps with a comment holding the name: a@b.example (Name)
        String comment = "";
        int paren = s.indexOf('(');
        if (paren >= 0) {
            int end = s.lastIndexOf(')');
            comment = s.substring(paren + 1, end > paren ? end : s.length());
            s = (s.substring(0, paren) + (end > paren ? s.substring(end + 1) : "")).strip();
        }
        return new Address(clean(s), decodeName(comment));
    }

    private static String stripGroup(String s) {
        // "Team: a@x, b@y;" arrives here split at the commas; drop the "Team:" label, but not the
        // colon of a quoted name ("Re: Ops" <ops@x>)
        int colon = firstUnquoted(s, ':');
        if (colon >= 0) {
            String head = s.substring(0, colon);
            if (!head.contains("@") && !head.contains("<")) {
                return s.substring(colon + 1).strip();
            }
        }
        return s;
    }

    private static String clean(String addr) {
        return Charsets.fixRaw8bit(SPACES.matcher(addr).replaceAll(""));
    }

    static String decodeName(String raw) {
        String n = raw.strip();
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) {
            n = QUOTED_PAIR.matcher(n.substring(1, n.length() - 1)).replaceAll("$1");
        }
        return EncodedWords.decode(Charsets.fixRaw8bit(n)).strip();
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int angle = 0;
        int comment = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"' && comment == 0) {
                quoted = !quoted;
            } else if (!quoted) {
                switch (c) {
                    case '(' -> comment++;
                    case ')' -> comment = Math.max(0, comment - 1);
                    case '<' -> angle++;
                    case '>' -> angle = Math.max(0, angle - 1);
                    case ',', ';' -> {
                        if (angle == 0 && comment == 0) {
                            parts.add(s.substring(start, i));
                            start = i + 1;
                        }
                    }
                    default -> { }
                }
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static int firstUnquoted(String s, char target) {
        return unquoted(s, target, false);
    }

    private static int lastUnquoted(String s, char target) {
        return unquoted(s, target, true);
    }

    /** The first (or last) {@code target} outside a quoted string, or -1. */
    private static int unquoted(String s, char target, boolean last) {
        boolean quoted = false;
        int found = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == target && !quoted) {
                found = i;
                if (!last) {
                    return i;
                }
            }
        }
        return found;
    }
}
