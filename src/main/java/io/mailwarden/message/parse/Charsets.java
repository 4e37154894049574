package io.mailwarden.message.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Charset labels as real mail uses them, and decoding of bytes whose label is missing or wrong.
 * Chinese mail labelled GB2312 is routinely GBK, so every GB label decodes as GB18030 (a superset);
 * Big5 labels decode as Windows-950, which adds the CP950 extension characters.
 */
public final class Charsets {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset BIG5 = lookup("x-windows-950", "Big5");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, Charset> ALIASES = Map.ofEntries(
            Map.entry("gb2312", GB18030), Map.entry("gbk", GB18030), Map.entry("x-gbk", GB18030),
            Map.entry("cp936", GB18030), Map.entry("ms936", GB18030), Map.entry("windows-936", GB18030),
            Map.entry("euc-cn", GB18030), Map.entry("x-euc-cn", GB18030), Map.entry("gb_2312-80", GB18030),
            Map.entry("gb18030", GB18030), Map.entry("chinese", GB18030), Map.entry("csgb2312", GB18030),
            Map.entry("big5", BIG5), Map.entry("x-big5", BIG5), Map.entry("ms950", BIG5),
            Map.entry("cp950", BIG5), Map.entry("windows-950", BIG5), Map.entry("big5-hkscs", BIG5),
            Map.entry("iso-8859-1", WINDOWS_1252), Map.entry("latin1", WINDOWS_1252),
            Map.entry("us-ascii", StandardCharsets.US_ASCII), Map.entry("ascii", StandardCharsets.US_ASCII),
            Map.entry("utf8", StandardCharsets.UTF_8), Map.entry("unicode-1-1-utf-8", StandardCharsets.UTF_8));

    private Charsets() {
    }

    private static Charset lookup(String name, String fallback) {
        return Charset.isSupported(name) ? Charset.forName(name) : Charset.forName(fallback);
    }

    /** The charset to decode a label with, or null when the label is missing or unknown. */
    public static Charset forLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String key = label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        int star = key.indexOf('*'); // RFC 2231 language suffix: utf-8*zh
        if (star >= 0) {
            key = key.substring(0, star);
        }
        Charset alias = ALIASES.get(key);
        if (alias != null) {
            return alias;
        }
        try {
            return Charset.forName(key);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /**
     * Decodes bytes that claim the given label. When the label is missing, unknown, or plainly wrong
     * (the bytes are not valid in it), the charset is guessed from the bytes instead.
     */
    public static String decode(byte[] bytes, String label) {
        Charset declared = forLabel(label);
        if (declared != null && declared != StandardCharsets.US_ASCII) {
            String strict = strict(bytes, declared);
            if (strict != null) {
                return strict;
            }
        }
        return decodeUnlabelled(bytes, declared);
    }

    /** Decodes bytes with no trustworthy label: ASCII, UTF-8, GB18030, Big5, then Windows-1252. */
    public static String decodeUnlabelled(byte[] bytes, Charset fallback) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        Charset guess = guessDoubleByte(bytes);
        if (guess != null) {
            String s = strict(bytes, guess);
            if (s != null) {
                return s;
            }
        }
        Charset last = fallback != null && fallback != StandardCharsets.US_ASCII ? fallback : GB18030;
        return new String(bytes, last);
    }

    /** A header value read as ISO-8859-1 (one char per byte) holding raw 8-bit bytes: recover its text. */
    public static String fixRaw8bit(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return value; // already real text
            }
            high |= c >= 0x80;
        }
        return high ? decodeUnlabelled(value.getBytes(StandardCharsets.ISO_8859_1), null) : value;
    }

    static String strict(byte[] bytes, Charset cs) {
        try {
            CharBuffer out = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return out.toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * GBK and Big5 both accept most byte pairs, so decide by where the pairs fall: GB2312 hanzi (what
     * nearly all GBK text uses) have both bytes at 0xA1 or above, while Big5 trail bytes are
     * 0x40-0x7E for a large share of common characters.
     */
    private static Charset guessDoubleByte(byte[] bytes) {
        int pairs = 0;
        int gbRange = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            int lead = bytes[i] & 0xFF;
            if (lead < 0x81) {
                continue;
            }
            int trail = bytes[i + 1] & 0xFF;
            pairs++;
            if (lead >= 0xA1 && trail >= 0xA1) {
                gbRange++;
            }
            i++;
        }
        if (pairs == 0) {
            return null;
        }
        return gbRange * 10 >= pairs * 9 ? GB18030 : BIG5;
    }
}
