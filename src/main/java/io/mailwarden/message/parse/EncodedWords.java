package io.mailwarden.message.parse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded-words, decoded the way real mail needs: adjacent words in the same charset are
 * joined as bytes before decoding, because mailers split a multi-byte character across
 * two words (Jakarta Mail decodes each word alone and produces U+FFFD there). Words standing inside
 * other text are decoded too, and undecodable words are left as written.
 */
public final class EncodedWords {

    private static final Pattern NOT_BASE64 = Pattern.compile("[^A-Za-z0-9+/]");
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?]*)\\?=");

    private EncodedWords() {
    }

    public static String decode(String text) {
        if (text == null || text.indexOf("=?") < 0) {
            return text;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        while (m.find()) {
            String between = text.substring(last, m.start());
            String charset = m.group(1);
            String encoding = m.group(2).toUpperCase();
            boolean joinable = pendingCharset != null && between.isBlank();
            // join on charset alone: B and Q both yield bytes, and some mailers switch between them
            if (pendingCharset != null && !(joinable && charset.equalsIgnoreCase(pendingCharset))) {
                out.append(Charsets.decode(pending.toByteArray(), pendingCharset));
                pending.reset();
                pendingCharset = null;
            }
            if (!joinable) {
                out.append(between); // whitespace between two encoded-words is dropped (RFC 2047 6.2)
            }
            byte[] bytes = wordBytes(encoding, m.group(3));
            if (bytes == null) {
                if (pendingCharset != null) {
                    out.append(Charsets.decode(pending.toByteArray(), pendingCharset));
                    pending.reset();
                    pendingCharset = null;
                }
                out.append(m.group());
            } else {
                pending.writeBytes(bytes);
                pendingCharset = charset;
            }
            last = m.end();
        }
        if (pendingCharset != null) {
            out.append(Charsets.decode(pending.toByteArray(), pendingCharset));
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    private static byte[] wordBytes(String encoding, String payload) {
        if (encoding.equals("B")) {
            String clean = NOT_BASE64.matcher(payload).replaceAll("");
            int pad = clean.length() % 4;
            if (pad == 1) {
                clean = clean.substring(0, clean.length() - 1); // a stray sixth bit carries nothing
            } else if (pad > 1) {
                clean = clean + "==".substring(0, 4 - pad);
            }
            try {
                return Base64.getDecoder().decode(clean);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length());
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=' && isHex(payload, i + 1) && isHex(payload, i + 2)) {
                out.write(Integer.parseInt(payload.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
