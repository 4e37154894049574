package io.mailwarden.archive.linked;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Messages shaped like Tencent Exmail's 超大附件 mail, as public descriptions give it: a line per file with its
 * size and expiry, and a link to the download page, in a plain-text part and an HTML part, or in HTML only.
 */
public final class ExmailLinkMail {

    private ExmailLinkMail() {
    }

    /** multipart/alternative: the plain-text part carries the name line and the link, the HTML part an anchor. */
    public static byte[] alternative(String name, String link) {
        return alternative(name, link, "Mon, 30 Nov 2026 09:00:00 +0800");
    }

    /** As {@link #alternative(String, String)}, sent on {@code date} (an RFC 5322 Date). */
    public static byte[] alternative(String name, String link, String date) {
        String plain = "从腾讯企业邮箱发来的超大附件\r\n\r\n" + name + " (65.38M, 2026年12月29日 10:00 到期)\r\n"
                + "进入下载页面：" + link + "\r\n";
        String html = "<div>从腾讯企业邮箱发来的超大附件</div><div>" + name + " (65.38M, 2026年12月29日 10:00 到期)</div>"
                + "<a href=\"" + link.replace("&", "&amp;") + "\">进入下载页面</a>";
        return ("From: =?UTF-8?B?" + b64("李雷") + "?= <li.lei@corp.example.cn>\r\n"
                + "To: han.meimei@corp.example.cn\r\n"
                + "Subject: =?UTF-8?B?" + b64("季度数据") + "?=\r\n"
                + "Message-ID: <ftn-" + Math.abs(link.hashCode()) + "@corp.example.cn>\r\n"
                + "Date: " + date + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(plain) + "\r\n"
                + "--b1\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + b64(html) + "\r\n"
                + "--b1--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** HTML only, quoted-printable (soft line breaks inside the link), the file's name as the anchor's text. */
    public static byte[] htmlOnly(String name, String link) {
        String html = "<p>=E8=B6=85=E5=A4=A7=E9=99=84=E4=BB=B6</p><a href=3D\"" + link.replace("&", "&amp;")
                .replace("=", "=3D").replaceAll("(.{60})", "$1=\r\n") + "\">" + name + "</a>";
        return ("From: li.lei@corp.example.cn\r\nTo: han.meimei@corp.example.cn\r\nSubject: big file\r\n"
                + "Message-ID: <ftn-html-" + Math.abs(link.hashCode()) + "@corp.example.cn>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/html; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + html + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String b64(String s) {
        return Base64.getMimeEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
