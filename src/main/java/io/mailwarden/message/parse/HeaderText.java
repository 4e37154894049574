package io.mailwarden.message.parse;

/** Decodes an unstructured header value: unfolding, raw 8-bit bytes, then encoded-words. */
public final class HeaderText {

    private HeaderText() {
    }

    public static String decode(String raw) {
        if (raw == null) {
            return null;
        }
        String unfolded = raw.replaceAll("\r?\n(?=[ \t])", "");
        return EncodedWords.decode(Charsets.fixRaw8bit(unfolded)).strip();
    }
}
