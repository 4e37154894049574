package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;

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
}
