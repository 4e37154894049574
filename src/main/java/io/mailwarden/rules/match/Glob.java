package io.mailwarden.rules.match;

import java.util.regex.Pattern;

/**
 * Shell-style patterns for folders, accounts and file names: {@code *} matches within one folder level,
 * {@code **} across levels, {@code ?} one character. Case-insensitive unless asked otherwise.
 */
public final class Glob {

    private Glob() {
    }

    public static Pattern compile(String glob, boolean caseSensitive) {
        StringBuilder re = new StringBuilder(glob.length() + 8);
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    re.append(".*");
                    i++;
                } else {
                    re.append("[^/]*");
                }
            } else if (c == '?') {
                re.append("[^/]");
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return Pattern.compile(re.toString(), flags);
    }

    public static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
    }
}
