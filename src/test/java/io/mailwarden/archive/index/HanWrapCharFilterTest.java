package io.mailwarden.archive.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.CharFilter;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.junit.jupiter.api.Test;

class HanWrapCharFilterTest {

    private static final Pattern WRAPPED_HAN = Pattern.compile("(?<=\\p{IsHan})[ \\t]*\\r?\\n[ \\t]*(?=\\p{IsHan})");
    /** Han, Latin, kana, and every character a wrap is made of. */
    private static final String[] PIECES = {"发", "票", "a", "ア", " ", "\t", "\r", "\n", "\n", "\r\n"};

    @Test
    void removesWrapsBetweenHanCharactersOnly() throws IOException {
        assertThat(filtered("合\n同 金\r\n  额\nQ3\n发 \n 票")).isEqualTo("合同 金额\nQ3\n发票");
    }

    @Test
    void treatsHanOutsideTheBasicPlaneAsHanOnBothSides() throws IOException {
        // the regular expression's look-behind saw only the low surrogate of U+20000 and kept this wrap
        assertThat(filtered("\uD840\uDC00\n票\n\uD840\uDC00")).isEqualTo("\uD840\uDC00票\uD840\uDC00");
    }

    @Test
    void givesTheTextAndOffsetsThePatternFilterGives() throws IOException {
        Random rnd = new Random(20261129);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = rnd.nextInt(40); n > 0; n--) {
                sb.append(PIECES[rnd.nextInt(PIECES.length)]);
            }
            String text = sb.toString();
            CharFilter expected = new PatternReplaceCharFilter(WRAPPED_HAN, "", new StringReader(text));
            CharFilter actual = new HanWrapCharFilter(new StringReader(text));
            String out = read(expected);
            assertThat(read(actual)).as("%s", text).isEqualTo(out);
            for (int off = 0; off <= out.length(); off++) {
                assertThat(actual.correctOffset(off)).as("offset %d of %s", off, text).isEqualTo(expected.correctOffset(off));
            }
        }
    }

    private static String filtered(String text) throws IOException {
        return read(new HanWrapCharFilter(new StringReader(text)));
    }

    private static String read(CharFilter f) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[7];
        for (int n; (n = f.read(buf, 0, buf.length)) != -1; ) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }
}
