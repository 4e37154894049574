package io.mailwarden.archive.linked;

import io.mailwarden.message.parse.Charsets;
import io.mailwarden.message.parse.Markup;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a 文件中转站 download page says: the link to the file on a {@code *.ftn.qq.com} host, or why there is
 * none. No captured page is available, so this reads the page defensively: the file link is the first
 * http(s) URL whose path starts with {@code /ftn_handler/}, in markup or in a script string, with HTML and
 * JavaScript escapes of {@code &} and {@code /} undone. URLs are ASCII, so the page's charset (GBK or
 * UTF-8) does not matter for the link; the visible message is decoded as unlabelled mail text is (UTF-8 when valid, else GBK or Big5).
 */
final class DownloadPage {

    private static final int MESSAGE_CHARS = 200;
    private static final Pattern FILE_LINK = Pattern.compile(
            "https?://[A-Za-z0-9.\\-]+(?::\\d+)?/ftn_handler/[^\\s\"'<>\\\\]*", Pattern.CASE_INSENSITIVE);

    private final String ascii;

    /** @param bytes the page as served (it may be cut short at the page size limit) */
    DownloadPage(byte[] bytes) {
        // ISO-8859-1 maps every byte to one char, so ASCII URLs survive whatever the real charset is
        this.ascii = new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** The first file link on the page, if any. */
    Optional<URI> fileLink() {
        String unescaped = ascii.replace("&amp;", "&").replace("&#38;", "&").replace("&#x26;", "&")
                .replace("\\u0026", "&").replace("\\x26", "&").replace("\\/", "/");
        Matcher link = FILE_LINK.matcher(unescaped);
        while (link.find()) {
            try {
                return Optional.of(new URI(link.group()));
            } catch (URISyntaxException notAUri) {
                // a fragment that only looks like a link: try the next one
            }
        }
        return Optional.empty();
    }

    /** The page's visible error text (an error or info bar, else its title), trimmed; "" when none. */
    String message() {
        PageMarkup page = new PageMarkup(Charsets.decodeUnlabelled(ascii.getBytes(StandardCharsets.ISO_8859_1), null));
        Optional<String> error = new PageMarkup(page.withoutScripts()).errorElement(html -> !plain(html).isEmpty());
        return error.or(page::title).map(DownloadPage::plain).orElse("");
    }

    private static String plain(String html) {
        String text = Markup.replaceTags(html, " ")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
                .replaceAll("[\\s\\u3000]+", " ").strip();
        return text.length() <= MESSAGE_CHARS ? text : text.substring(0, MESSAGE_CHARS) + "…";
    }
}
