package io.mailwarden.archive.linked;

import io.mailwarden.message.Message;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the 文件中转站 links of a message: Tencent Exmail sends a file over 50 MB as a link to
 * {@code /cgi-bin/ftnExs_download?…&k=…} on a {@code qq.com} host, under a line per file such as
 * {@code 季度报告.zip (65.38M, 2026年12月29日 10:00 到期)}. The link is in the plain-text body, or only in an
 * anchor of the HTML one. Known from public descriptions of such mail, not from a captured message: a link
 * of any other shape is left alone.
 */
public final class LinkFinder {

    private static final String PATH = "/cgi-bin/ftnExs_download";
    /** Links are ASCII; a URL in Chinese text ends at the first character that cannot be in one. */
    private static final Pattern URL = Pattern.compile("https?://[!#-;=?-\\[\\]_a-z~]+", Pattern.CASE_INSENSITIVE);
    /** What may end a sentence after a link rather than be part of it: {@code …code=3ab4).} */
    private static final String TRAILING = ".,;:!)']";
    private static final Pattern FILE_NAME = Pattern.compile(".+\\.[\\p{L}\\p{N}]{1,8}");
    private static final int MAX_URL = 2048;

    private final HostPolicy hosts;

    public LinkFinder(HostPolicy hosts) {
        this.hosts = hosts;
    }

    /** The message's links to files, in order of appearance, each with the name the message gives it. */
    public List<FileLink> find(Message m) {
        Map<String, String> links = new LinkedHashMap<>();
        if (m.text().contains(PATH)) {
            Matcher u = URL.matcher(m.text());
            while (u.find()) {
                String url = withoutTrailing(u.group());
                if (isDownloadLink(url)) {
                    links.putIfAbsent(url, "");
                }
            }
        }
        for (Message.Link a : m.links()) {
            if (a.url().contains(PATH) && isDownloadLink(a.url())) {
                String name = FILE_NAME.matcher(a.text()).matches() ? a.text() : "";
                links.merge(a.url(), name, (was, now) -> was.isEmpty() ? now : was);
            }
        }
        if (links.isEmpty()) {
            return List.of();
        }
        List<String> names = NameLines.of(m.text());
        // one line per file, in the order of the links: pair them; otherwise keep what the anchors said
        boolean paired = names.size() == links.size();
        List<FileLink> out = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> link : links.entrySet()) {
            out.add(new FileLink(link.getKey(), paired ? names.get(i) : link.getValue()));
            i++;
        }
        return List.copyOf(out);
    }

    private static String withoutTrailing(String url) {
        int end = url.length();
        while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }

    private boolean isDownloadLink(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && hosts.allows(uri.getHost()) && PATH.equals(uri.getPath()) && uri.getRawQuery() != null
                    && uri.getRawQuery().contains("k=");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
