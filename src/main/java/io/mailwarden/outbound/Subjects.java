package io.mailwarden.outbound;

import java.util.regex.Pattern;

/**
 * Reply and forward subjects without piled-up prefixes: {@code Re: Re: 回复: x} becomes {@code Re: x}.
 * Chinese clients write 回复/答复/回覆 (and full-width colons); Outlook writes {@code RE:} and {@code AW:}.
 */
final class Subjects {

    private static final Pattern REPLY_PREFIXES = Pattern.compile(
            "^(?:\\s*(?:re|aw|sv|antw|回复|答复|回覆|答覆)(?:\\[\\d+])?\\s*[:：]\\s*)+", Pattern.CASE_INSENSITIVE);
    private static final Pattern FORWARD_PREFIXES = Pattern.compile(
            "^(?:\\s*(?:fwd?|wg|转发|轉寄|转寄)\\s*[:：]\\s*)+", Pattern.CASE_INSENSITIVE);

    private Subjects() {
    }

    /** A rendered reply subject: when it starts with reply prefixes, exactly one {@code Re: } remains. */
    static String reply(String rendered) {
        var m = REPLY_PREFIXES.matcher(rendered);
        return m.find() ? "Re: " + rendered.substring(m.end()) : rendered;
    }

    /** The forward subject of {@code original}: one {@code Fwd: } in front of it. */
    static String forward(String original) {
        var m = FORWARD_PREFIXES.matcher(original);
        return "Fwd: " + (m.find() ? original.substring(m.end()) : original).strip();
    }
}
