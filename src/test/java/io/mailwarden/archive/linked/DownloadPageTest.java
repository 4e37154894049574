package io.mailwarden.archive.linked;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.mailwarden.testing.RandomText;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a download page without a file link is taken to say, and that reading it cannot hang. */
class DownloadPageTest {

    @Test
    void showsTheFirstNonEmptyErrorBarOutsideScripts() {
        String html = "<HTML><head><title>QQ邮箱</title><script>var t = '<div class=\"error\">not shown</div>';</SCRIPT >"
                + "</head><body><div class='infobar'> <img src=x> </div>"
                + "<P CLASS=\"msg ErrorText\">该文件&nbsp;已过期 <b>或已被删除</b></p></body></html>";

        assertThat(page(html).message()).isEqualTo("该文件 已过期 或已被删除");
    }

    @Test
    void fallsBackToTheTitleWhenNoErrorBarSaysAnything() {
        assertThat(page("<title>\n 文件已被发送者删除 </title><div class=error></div>").message())
                .isEqualTo("文件已被发送者删除");
        assertThat(page("<p>nothing here</p>").message()).isEmpty();
    }

    @Test
    void readsPagesAsTheRegularExpressionsItReplacedDid() {
        String[] pieces = {"<script>", "</script>", "</SCRIPT >", "<style type=x>", "</style>", "<div class=\"error\">",
            "<DIV CLASS='infobar x'>", "</div>", "</Div\n>", "<span>", "</span>", "<title>", "</title>", "<p class=note>",
            "</p>", "文件", "expired", " ", "\n", ">", "&amp;", "<b>", "</b>"};
        Random rnd = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            String html = RandomText.of(rnd, pieces, 30);
            assertThat(page(html).message()).as(html).isEqualTo(RegexPage.message(html));
        }
    }

    @Test
    void aHostilePageDoesNotHoldTheDownloader() {
        // unclosed starts made the regular expressions scan to the end from each: hours for a page this size
        for (String unit : new String[] {"<script>", "<div class=\"error\">x", "<a<a", "<title><", "<p>a<b", "< "}) {
            String html = unit.repeat(4 * 1024 * 1024 / unit.length()) + ">";
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> page(html).message(), unit);
        }
    }

    private static DownloadPage page(String html) {
        return new DownloadPage(html.getBytes(StandardCharsets.UTF_8));
    }

    /** The regular expressions {@link DownloadPage} used before {@link PageMarkup}, as the reference. */
    private static final class RegexPage {
        private static final Pattern ERROR_ELEMENT = Pattern.compile(
                "<(\\w+)[^>]*\\bclass\\s*=\\s*[\"'][^\"']*(?:error|infobar)[^\"']*[\"'][^>]*>(.*?)</\\1\\s*>",
                Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        private static final Pattern TITLE = Pattern.compile(
                "<title[^>]*>(.*?)</title\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
        private static final Pattern NOT_SHOWN = Pattern.compile(
                "<script.*?</script\\s*>|<style.*?</style\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

        static String message(String text) {
            Matcher error = ERROR_ELEMENT.matcher(NOT_SHOWN.matcher(text).replaceAll(" "));
            while (error.find()) {
                String shown = plain(error.group(2));
                if (!shown.isEmpty()) {
                    return shown;
                }
            }
            Matcher title = TITLE.matcher(text);
            return title.find() ? plain(title.group(1)) : "";
        }

        private static String plain(String html) {
            return html.replaceAll("<[^>]*>", " ").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
                    .replaceAll("[\\s\\u3000]+", " ").strip();
        }
    }

}
