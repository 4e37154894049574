package io.mailwarden.message.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mailwarden.message.Message;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HtmlLinksTest {

    @Test
    void keepsEachAnchorsTargetAndText() {
        String html = "<p>见<A class=x HREF=\"https://a.example/p?x=1&amp;y=2\">下载 <b>页面</b></a>, "
                + "<a href='http://b.example/'>b</a> <a href=http://c.example/c>c</a> <a name=top>no target</a>"
                + "<abbr>not a close</abbr></p>";

        assertThat(HtmlLinks.of(html)).containsExactly(
                new Message.Link("https://a.example/p?x=1&y=2", "下载 页面"),
                new Message.Link("http://b.example/", "b"),
                new Message.Link("http://c.example/c", "c"));
    }

    @Test
    void unclosedAnchorsKeepTheirTargetsWithoutText() {
        assertThat(HtmlLinks.of("<a href=\"http://x.example/\">open <a href=\"http://y.example/\">last</a>"))
                .containsExactly(new Message.Link("http://x.example/", "open"),
                        new Message.Link("http://y.example/", "last"));
        assertThat(HtmlLinks.of("<a href=\"http://x.example/\">never closed")).containsExactly(
                new Message.Link("http://x.example/", ""));
    }

    @Test
    void unclosedAnchorsAndQuotesDoNotStallTheParse() {
        String anchors = "<a href=\"http://x.example/\">open ".repeat(50_000);
        String quotes = "<a href=\"http://x.example/ ".repeat(50_000);

        // a scan to the end from each of 50,000 tags would take minutes; one pass takes milliseconds
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> HtmlLinks.of(anchors))).hasSize(50_000);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> HtmlLinks.of(quotes))).isEmpty();
    }
}
