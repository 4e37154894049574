package io.mailwarden.archive.linked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mailwarden.message.Message;
import io.mailwarden.message.parse.MessageParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkFinderTest {

    private static final String LINK = "https://mail.qq.com/cgi-bin/ftnExs_download?t=exs_ftn_download"
            + "&k=0d6162347c50eb9910e028181e6555571c575b010b535650024c540009&code=3ab49ebe";
    private final LinkFinder finder = new LinkFinder(HostPolicy.of("qq.com"));

    @Test
    void findsTheLinkAndTheFileNameOfExmailsLargeAttachmentMail() {
        Message m = new MessageParser().parse(ExmailLinkMail.alternative("季度报告.zip", LINK));

        assertThat(finder.find(m)).containsExactly(new FileLink(LINK, "季度报告.zip"));
    }

    @Test
    void findsTheLinkOfAnHtmlOnlyBodyInItsAnchor() {
        Message m = new MessageParser().parse(ExmailLinkMail.htmlOnly("设计图.psd", LINK));

        assertThat(m.text()).doesNotContain("ftnExs_download");
        assertThat(finder.find(m)).containsExactly(new FileLink(LINK, "设计图.psd"));
    }

    @Test
    void pairsEachNameLineWithItsLinkInOrder() {
        String second = LINK.replace("code=3ab49ebe", "code=77aa0011");
        String text = "a.zip (1.5G, 2026年12月29日 到期)\n" + LINK + "\nb.mp4 (300M, 2026年12月29日 到期)\n" + second
                + ").\n";
        Message m = plain(text);

        assertThat(finder.find(m)).containsExactly(new FileLink(LINK, "a.zip"), new FileLink(second, "b.mp4"));
    }

    @Test
    void takesTheNameFromTheAnchorWhenTheTextHasOnlyTheLink() {
        String html = "<p>" + LINK + "</p><p><a href=\"" + LINK.replace("&", "&amp;") + "\">图纸.dwg</a></p>";
        Message m = new MessageParser().parse(("From: a@b.example\r\nSubject: s\r\nMessage-ID: <x@y>\r\n"
                + "Content-Type: text/html; charset=UTF-8\r\n\r\n" + html).getBytes(StandardCharsets.UTF_8));

        assertThat(finder.find(m)).containsExactly(new FileLink(LINK, "图纸.dwg"));
    }

    @Test
    void leavesLinksToOtherHostsAndOtherPagesAlone() {
        Message m = plain("http://mail.qq.com.evil.example/cgi-bin/ftnExs_download?k=00&code=1\n"
                + "http://192.168.1.10/cgi-bin/ftnExs_download?k=00&code=1\n"
                + "https://mail.qq.com/cgi-bin/frame_html?sid=1\n"
                + "https://mail.qq.com/cgi-bin/ftnExs_download?t=exs_ftn_download\n");

        assertThat(finder.find(m)).isEmpty();
    }

    @Test
    void aLinkEndingInAMillionDotsIsReadInLinearTime() {
        // the trailing punctuation was stripped by "[.,;:!)'\\]]+$", which went to the end from each dot
        Message m = plain(LINK + ".".repeat(1_000_000) + "\n");

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThat(finder.find(m)).containsExactly(
                new FileLink(LINK, "")));
    }

    private static Message plain(String text) {
        return new MessageParser().parse(("From: a@b.example\r\nSubject: s\r\nMessage-ID: <x@y>\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text.replace("\n", "\r\n"))
                .getBytes(StandardCharsets.UTF_8));
    }
}
