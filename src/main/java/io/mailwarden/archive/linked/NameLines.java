package io.mailwarden.archive.linked;

import io.mailwarden.message.parse.Markup;
import java.util.ArrayList;
import java.util.List;

/**
 * The file names of a 文件中转站 notice's lines, {@code 季度报告.zip (65.38M, 2026年12月29日 10:00 到期)}: per line,
 * optional blanks, the name, optional blanks, a parenthesis (ASCII or full-width), a size ({@code 65.38M},
 * {@code 300 MB}, {@code 1.5G}), a comma (either width), anything, {@code 到期}, the closing parenthesis, optional
 * blanks. The name ends at the first parenthesis that such a size and comma follow. Read by hand rather than by a
 * regular expression, which backtracked through every parenthesis to the end of the line: linear in the text
 * whatever the message holds.
 */
final class NameLines {

    private static final String DUE = "到期";

    private NameLines() {
    }

    /** The name of each notice line of {@code text}, in order. */
    static List<String> of(String text) {
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || isLineEnd(text.charAt(i))) {
                String name = nameOf(text, start, i);
                if (name != null) {
                    names.add(name);
                }
                start = i + 1;
            }
        }
        return names;
    }

    /** The name on the line {@code text[from, to)}, or null when it is not a notice line. */
    private static String nameOf(String text, int from, int to) {
        int end = skipBlanksBack(text, from, to);
        if (end == from || !isParen(text.charAt(end - 1), ')', '）')) {
            return null;
        }
        end = skipBlanksBack(text, from, end - 1);
        if (end - from < DUE.length() || !text.startsWith(DUE, end - DUE.length())) {
            return null;
        }
        int due = end - DUE.length();
        int name = skipBlanks(text, from, to);
        if (name == to || Markup.isSpace(text.charAt(name))) {
            return null;
        }
        for (int p = name + 1; p < due; p++) {
            if (isParen(text.charAt(p), '(', '（')) {
                int comma = sizeThenComma(text, p + 1, due);
                if (comma >= 0 && comma < due) {
                    return text.substring(name, skipBlanksBack(text, name + 1, p));
                }
            }
        }
        return null;
    }

    /** Where the comma after {@code [blanks] digits[.digits] [blanks] [KMGT][B] [blanks]} from {@code i} is; -1 if none. */
    private static int sizeThenComma(String text, int i, int limit) {
        i = skipBlanks(text, i, limit);
        int digits = skipDigits(text, i, limit);
        if (digits == i) {
            return -1;
        }
        i = digits;
        if (i < limit && text.charAt(i) == '.') {
            int fraction = skipDigits(text, i + 1, limit);
            if (fraction == i + 1) {
                return -1;
            }
            i = fraction;
        }
        i = skipBlanks(text, i, limit);
        if (i < limit && "KMGTkmgt".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        if (i < limit && (text.charAt(i) == 'B' || text.charAt(i) == 'b')) {
            i++;
        }
        i = skipBlanks(text, i, limit);
        return i < limit && (text.charAt(i) == ',' || text.charAt(i) == '，') ? i : -1;
    }

    private static int skipDigits(String text, int i, int limit) {
        while (i < limit && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static int skipBlanks(String text, int i, int limit) {
        while (i < limit && isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index after the last non-blank character of {@code text[from, to)}, or {@code from}. */
    private static int skipBlanksBack(String text, int from, int to) {
        while (to > from && isBlank(text.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isParen(char c, char ascii, char fullWidth) {
        return c == ascii || c == fullWidth;
    }

    private static boolean isLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
