package io.mailwarden.message.parse;

import java.util.regex.Pattern;

/** Decodes an unstructured header value: unfolding, raw 8-bit bytes, then encoded-words. */
public final class HeaderText {

    private static final Pattern FOLD = Pattern.compile("\r?\n(?=[ \t])");

    private HeaderText() {
    }

    public static String decode(String raw) {
        if (raw == null) {
            return null;
        }
        String unfolded = raw.indexOf('\n') < 0 ? raw : FOLD.matcher(raw).replaceAll("");
        return EncodedWords.decode(Charsets.fixRaw8bit(unfolded)).strip();
    }
}
