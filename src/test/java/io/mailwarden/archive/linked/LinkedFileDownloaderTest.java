package io.mailwarden.archive.linked;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailwarden.archive.linked.Download.Failed;
import io.mailwarden.archive.linked.Download.Fetched;
import io.mailwarden.archive.linked.Download.Gone;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkedFileDownloaderTest {

    private static final String NAME = "超大附件 2026年度报告.zip";

    @TempDir
    Path temp;

    private FakeTransferStation station;
    private Path spool;
    private LinkedFileDownloader downloader;

    @BeforeEach
    void start() throws IOException {
        station = new FakeTransferStation().start();
        spool = temp.resolve("spool");
        downloader = new LinkedFileDownloader(HostPolicy.of("127.0.0.1"), 1024 * 1024, Duration.ofSeconds(1), spool);
    }

    @AfterEach
    void stop() {
        station.close();
    }

    @Test
    void downloadsTheFileBehindTheDownloadPage() throws IOException {
        byte[] content = bytes(300_000);
        Download download = downloader.fetch(station.linkFor(NAME, content));

        assertThat(download).isInstanceOf(Fetched.class);
        Fetched fetched = (Fetched) download;
        assertThat(fetched.file()).startsWith(spool);
        assertThat(Files.readAllBytes(fetched.file())).isEqualTo(content);
        assertThat(fetched.size()).isEqualTo(content.length);
        assertThat(station.requests()).isEqualTo(2);
    }

    @Test
    void keepsTheNameFromContentDisposition() {
        assertThat(nameWith(null)).isEqualTo(NAME);
    }

    @Test
    void decodesRawUtf8AndGbkFileNamesAndStripsDirectories() {
        assertThat(nameWith(("attachment; filename=\"发票.pdf\"").getBytes(StandardCharsets.UTF_8))).isEqualTo("发票.pdf");
        assertThat(nameWith(("attachment; filename=\"..\\合同.docx\"").getBytes(Charset.forName("GBK"))))
                .isEqualTo("合同.docx");
        assertThat(nameWith("attachment; filename=\"../../etc/passwd\"".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("passwd");
    }

    @Test
    void fallsBackToTheNameInTheFileLink() {
        assertThat(nameWith("attachment".getBytes(StandardCharsets.US_ASCII))).isEqualTo(NAME);
    }

    @Test
    void takesAFileServedAtTheLinkItself() throws IOException {
        URI link = station.linkFor(NAME, bytes(1000));
        station.serveDirectly(link);

        Fetched fetched = (Fetched) downloader.fetch(link);

        assertThat(Files.readAllBytes(fetched.file())).isEqualTo(bytes(1000));
        assertThat(fetched.name()).isEqualTo(NAME);
        assertThat(station.requests()).isEqualTo(1);
    }

    @Test
    void reportsAnExpiredLinkAsGone() {
        URI link = station.linkFor(NAME, bytes(10));
        station.expire(link);

        Download download = downloader.fetch(link);

        assertThat(download).isInstanceOf(Gone.class);
        assertThat(((Gone) download).reason())
                .contains("no file link", "该文件已过期或已被删除", "127.0.0.1/cgi-bin/ftnExs_download")
                .doesNotContain("k=", "code=");
    }

    @Test
    void showsThePageTitleWhenThePageHasNoFileLink() {
        URI link = station.linkFor(NAME, bytes(10));
        station.page(link, "<html><head><title>\n  文件已被发送者删除\n</title></head><body><p>返回</p></body></html>");

        assertThat(((Gone) downloader.fetch(link)).reason()).endsWith("has no file link (expired, withdrawn, "
                + "or a login is needed): 文件已被发送者删除");
    }

    @Test
    void findsAFileLinkEscapedInAScript() throws IOException {
        URI link = station.linkFor(NAME, bytes(500));
        String escaped = station.fileUrl(link).replace("/", "\\/").replace("&", "\\x26");
        station.page(link, "<html><body><script>var ftn = {url: \"" + escaped + "\"};</script></body></html>");

        Fetched fetched = (Fetched) downloader.fetch(link);

        assertThat(Files.readAllBytes(fetched.file())).isEqualTo(bytes(500));
    }

    @Test
    void reportsMissingFilesAsGone() {
        URI link = station.linkFor(NAME, bytes(10));
        station.failNext(link, 404);

        assertThat(downloader.fetch(link)).isEqualTo(new Gone("HTTP 404 from 127.0.0.1/cgi-bin/ftnExs_download"));
    }

    @Test
    void reportsServerErrorsAsRetryable() {
        URI link = station.linkFor(NAME, bytes(10));
        station.failNext(link, 503);

        assertThat(downloader.fetch(link)).isEqualTo(new Failed("HTTP 503 from 127.0.0.1/cgi-bin/ftnExs_download"));
        assertThat(station.requests()).isEqualTo(1);
        station.failNext(link, 429);
        assertThat(downloader.fetch(link)).isInstanceOf(Failed.class);
        assertThat(downloader.fetch(link)).isInstanceOf(Fetched.class);
    }

    @Test
    void reportsAnUnreachableServerAsRetryable() {
        URI link = station.linkFor(NAME, bytes(10));
        station.close();

        Download download = downloader.fetch(link);

        assertThat(download).isInstanceOf(Failed.class);
        assertThat(((Failed) download).reason()).contains("127.0.0.1/cgi-bin/ftnExs_download").doesNotContain("code=");
    }

    @Test
    void refusesHostsOutsideThePolicy() {
        URI link = station.linkFor(NAME, bytes(10));
        LinkedFileDownloader qqOnly = new LinkedFileDownloader(HostPolicy.of("qq.com"), 1024, Duration.ofSeconds(1), spool);

        assertThat(((Gone) qqOnly.fetch(link)).reason()).contains("host 127.0.0.1 is not allowed");
        assertThat(((Gone) downloader.fetch(URI.create("file:///etc/passwd"))).reason()).contains("not an http(s) link");
        assertThat(station.requests()).isZero();
        HostPolicy qq = HostPolicy.of("QQ.com");
        assertThat(qq.allows("sh-ctfs.ftn.qq.com")).isTrue();
        assertThat(qq.allows("MAIL.QQ.COM.")).isTrue();
        assertThat(qq.allows("evilqq.com")).isFalse();
        assertThat(qq.allows("qq.com.evil.cn")).isFalse();
    }

    @Test
    void refusesARedirectToAHostOutsideThePolicy() {
        URI link = station.linkFor(NAME, bytes(10));
        station.redirect(link, station.base().replace("127.0.0.1", "localhost") + "/ftn_handler/x/");

        assertThat(((Gone) downloader.fetch(link)).reason()).contains("host localhost is not allowed");
        assertThat(station.requests()).isEqualTo(1);
    }

    @Test
    void followsRedirectsWithinThePolicy() {
        URI link = station.linkFor(NAME, bytes(10));
        URI target = station.linkFor(NAME, bytes(20));
        station.redirect(link, target.toString());

        assertThat(((Fetched) downloader.fetch(link)).size()).isEqualTo(20);
    }

    @Test
    void givesUpOnARedirectLoop() {
        URI link = station.linkFor(NAME, bytes(10));
        station.redirect(link, link.toString());

        assertThat(((Gone) downloader.fetch(link)).reason()).contains("after 5 redirects");
        assertThat(station.requests()).isEqualTo(6);
    }

    @Test
    void refusesAFileDeclaredBiggerThanTheLimit() throws IOException {
        LinkedFileDownloader small = new LinkedFileDownloader(HostPolicy.of("127.0.0.1"), 1000, Duration.ofSeconds(1), spool);

        Download download = small.fetch(station.linkFor(NAME, bytes(1001)));

        assertThat(((Gone) download).reason()).contains("bigger than the 1000 bytes limit");
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void stopsAtTheSizeLimitAndDeletesThePart() throws IOException {
        LinkedFileDownloader twoMb = new LinkedFileDownloader(HostPolicy.of("127.0.0.1"), 2 * 1024 * 1024, Duration.ofSeconds(1), spool);
        URI tooBig = station.linkFor(NAME, bytes(2 * 1024 * 1024 + 1));
        URI justFits = station.linkFor(NAME, bytes(2 * 1024 * 1024));
        station.hideLength(tooBig);
        station.hideLength(justFits);

        assertThat(((Gone) twoMb.fetch(tooBig)).reason()).contains("bigger than the 2 MB limit");
        assertThat(spoolFiles()).isZero();
        assertThat(((Fetched) twoMb.fetch(justFits)).size()).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void givesUpOnAStalledBody() throws IOException {
        URI link = station.linkFor(NAME, bytes(100_000));
        station.stall(link);

        Download download = downloader.fetch(link);

        assertThat(download).isInstanceOf(Failed.class);
        assertThat(((Failed) download).reason()).contains("no data for 1000 ms");
        assertThat(spoolFiles()).isZero();
    }

    @Test
    void sendsTheCookiesOfThePageWithTheFileRequest() {
        URI link = station.linkFor(NAME, bytes(10));

        assertThat(downloader.fetch(link)).isInstanceOf(Fetched.class);
        assertThat(station.lastHeader("Cookie")).startsWith("ftn_session=");
        assertThat(station.lastHeader("Referer")).isEqualTo(link.toString());
        assertThat(station.lastHeader("User-Agent")).isEqualTo("mailwarden");
    }

    @Test
    void keepsTheCookiesOfOneLinkFromAnother() {
        downloader.fetch(station.linkFor(NAME, bytes(10)));
        URI other = station.linkFor(NAME, bytes(10));
        station.failNext(other, 500);

        downloader.fetch(other);

        assertThat(station.lastHeader("Cookie")).isNull();
    }

    private String nameWith(byte[] disposition) {
        URI link = station.linkFor(NAME, bytes(10));
        if (disposition != null) {
            station.disposition(link, disposition);
        }
        return ((Fetched) downloader.fetch(link)).name();
    }

    private long spoolFiles() throws IOException {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (var files = Files.list(spool)) {
            return files.count();
        }
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
