package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mailwarden.testing.RandomText;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void dropsScriptStyleHeadAndComments() {
        String html = "<html><head><title>T</title><style>p{color:red}</style></head><body>"
                + "<script type=\"text/javascript\">alert('x')</script><!-- hidden -->"
                + "<p>Visible</p><SCRIPT>var a = '<p>no</p>';</SCRIPT ></body></html>";

        assertThat(HtmlText.toText(html)).isEqualTo("Visible");
    }

    @Test
    void decodesNamedAndNumericEntities() {
        assertThat(HtmlText.toText("a&nbsp;&amp;&nbsp;b &lt;c&gt; &quot;d&quot; &#39;e&#39; &#x4E2D;&#25991; &yen;5 &copy;"))
                .isEqualTo("a & b <c> \"d\" 'e' 中文 \u00a55 \u00a9");
    }

    @Test
    void decodesEntitiesOnlyOnce() {
        assertThat(HtmlText.toText("&amp;lt;b&amp;gt;")).isEqualTo("&lt;b&gt;");
    }

    @Test
    void leavesUnknownAndBrokenEntities() {
        assertThat(HtmlText.toText("&bogus; &#99999999999; & alone")).isEqualTo("&bogus; &#99999999999; & alone");
    }

    @Test
    void breaksLinesAtBlockTagsOnly() {
        String html = "<div>First\r\nline</div><p>Second<br/>Third</p><ul><li>one</li><li>two</li></ul>";

        assertThat(HtmlText.toText(html)).isEqualTo("First line\nSecond\nThird\none\ntwo");
    }

    @Test
    void separatesTableCells() {
        assertThat(HtmlText.toText("<table><tr><td>金额</td><td>100</td></tr><tr><td>税</td><td>13</td></tr></table>"))
                .isEqualTo("金额 100\n税 13");
    }

    @Test
    void handlesEmptyAndPlainInput() {
        assertThat(HtmlText.toText("")).isEmpty();
        assertThat(HtmlText.toText("just text")).isEqualTo("just text");
    }

    @Test
    void readsHtmlAsTheRegularExpressionsItReplacedDid() {
        String[] pieces = {"<", ">", "<!--", "-->", "<script>", "<SCRIPT type=x>", "</script>", "</script \f>",
            "</scripts>", "<style>", "</STYLE>", "<head>", "<header>", "</head>", "<title>", "</title >", "<br>", "<BR/",
            "<brx>", "</p>", "</pre>", "</div>", "</tr>", "</h3 >", "<li>", "</li>", "<hr>", "</td>", "</TH \u000b>",
            "</tx>", "<b>", "</b>", "<a href=x>", "&amp;", "&nbsp;", "文件", "word", " ", "\r\n", "\t", "\u00a0"};
        Random rnd = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            String html = RandomText.of(rnd, pieces, 25);
            assertThat(HtmlText.toText(html)).as(html).isEqualTo(RegexHtml.toText(html));
        }
    }

    @Test
    void hostileMarkupCostsNoMoreThanItsLength() {
        // each unclosed start made the regular expressions scan to the end: 48 KB of "<br" took 4 s, 4 MB would take hours
        for (String unit : new String[] {"<", "<!--", "<script>", "<br", "a < b ", "<title>x", "</td   ", "<li<li>"}) {
            String html = unit.repeat(4 * 1024 * 1024 / unit.length());
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> HtmlText.toText(html), unit);
        }
    }

    /** The regular expressions {@link HtmlText} used before its scans, as the reference. */
    private static final class RegexHtml {
        private static final Pattern INVISIBLE = Pattern.compile(
                "(?is)<!--.*?-->|<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>");
        private static final Pattern BREAK = Pattern.compile("(?i)<(br|/p|/div|/tr|/h[1-6]|li|/li|hr)\\b[^>]*>");
        private static final Pattern CELL = Pattern.compile("(?i)</t[dh]\\s*>");
        private static final Pattern TAG = Pattern.compile("<[^>]*>");

        static String toText(String html) {
            String s = INVISIBLE.matcher(html).replaceAll(" ");
            s = s.replaceAll("[\\r\\n\\t]+", " ");
            s = BREAK.matcher(s).replaceAll("\n");
            s = CELL.matcher(s).replaceAll("\t");
            s = TAG.matcher(s).replaceAll("");
            s = HtmlText.decodeEntities(s);
            return s.replaceAll("[ \\t\\u00a0]+", " ").replaceAll(" ?\\n[ \\n]*", "\n").strip();
        }
    }
}
