package io.mailwarden.message.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
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

    /**
     * Decodes bytes with no trustworthy label: ASCII, UTF-8, then GB18030 or Big5 (whichever the byte
     * pairs point to, then the other), then Windows-1252 for text with no double-byte pairs at all.
     * Only when nothing decodes cleanly does it decode lossily.
     */
    public static String decodeUnlabelled(byte[] bytes, Charset fallback) {
        if (isAscii(bytes)) {
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        for (Charset cs : candidates(bytes)) {
            String s = strict(bytes, cs);
            if (s != null) {
                return s;
            }
        }
        Charset guess = guessDoubleByte(bytes);
        Charset last = fallback != null && fallback != StandardCharsets.US_ASCII ? fallback
                : guess != null ? guess : WINDOWS_1252;
        return new String(bytes, last);
    }

    /** The charset {@link #decodeUnlabelled} reads these bytes with (when given no fallback). */
    public static Charset guess(byte[] bytes) {
        if (isAscii(bytes)) {
            return StandardCharsets.US_ASCII;
        }
        for (Charset cs : candidates(bytes)) {
            if (strict(bytes, cs) != null) {
                return cs;
            }
        }
        Charset guess = guessDoubleByte(bytes);
        return guess != null ? guess : WINDOWS_1252;
    }

    /** UTF-8, then GB18030 or Big5 (whichever the byte pairs point to), then the other. */
    private static List<Charset> candidates(byte[] bytes) {
        Charset guess = guessDoubleByte(bytes);
        Charset other = guess == BIG5 ? GB18030 : guess == GB18030 ? BIG5 : null;
        return guess == null ? List.of(StandardCharsets.UTF_8)
                : List.of(StandardCharsets.UTF_8, guess, other);
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

    /** The bytes decoded in the charset, or null when they are not valid in it. */
    public static String strict(byte[] bytes, Charset cs) {
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
     * GBK and Big5 both accept most byte pairs, so weigh where the pairs fall. For GB: a lead or trail
     * byte in 0x81-0xA0 (not Big5 at all), GB2312 hanzi (both bytes 0xB0 and up). For Big5: a trail in
     * 0x40-0x7E under leads 0xA1-0xC6 (Big5 punctuation and frequent hanzi, GBK's rare or user-defined
     * area), and leads 0xA4-0xAF with high trails (Big5 frequent hanzi, GB2312 kana and user-defined).
     * Returns null when no pair looks double-byte (Latin text).
     */
    private static Charset guessDoubleByte(byte[] bytes) {
        int gb = 0;
        int big5 = 0;
        for (int i = 0; i + 1 < bytes.length; i++) {
            int lead = bytes[i] & 0xFF;
            int trail = bytes[i + 1] & 0xFF;
            if (lead < 0x81 || lead == 0xFF) {
                continue;
            }
            if (trail >= 0x30 && trail <= 0x39) {
                gb += 2; // a GB18030 four-byte sequence
                i += 3;
                continue;
            }
            if (trail < 0x40 || trail == 0x7F || trail == 0xFF) {
                continue; // no double-byte pair: a Latin letter, say
            }
            if (lead < 0xA1 || (trail >= 0x80 && trail < 0xA1)) {
                gb += 2;
            } else if (trail < 0x80) {
                big5 += lead <= 0xC6 ? 1 : 0;
            } else if (lead >= 0xA4 && lead <= 0xAF) {
                big5++;
            } else if (lead >= 0xB0) {
                gb++;
            }
            i++;
        }
        if (gb == 0 && big5 == 0) {
            return null;
        }
        return gb >= big5 * 4 ? GB18030 : BIG5;
    }
}
