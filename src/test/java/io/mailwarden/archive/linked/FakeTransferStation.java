package io.mailwarden.archive.linked;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Tencent Exmail's 文件中转站 on 127.0.0.1: each file gets a download-page link of the
 * real shape ({@code /cgi-bin/ftnExs_download?t=exs_ftn_download&k=..&code=..}) whose GBK page sets a
 * session cookie and links the file under {@code /ftn_handler/<hex>/?fname=..}; the file answers 403
 * without that cookie. Files can be expired, stalled, redirected, served from the page URL directly, or
 * made to fail once, to test every outcome of a download.
 */
public final class FakeTransferStation implements AutoCloseable {

    private static final Charset GBK = Charset.forName("GBK");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Entry> byKey = new ConcurrentHashMap<>();
    private final Map<String, Entry> byFileId = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Map<String, String> lastHeaders = Map.of();
    private HttpServer server;

    private static final class Entry {
        final String name;
        final byte[] content;
        final String key = hex(8);
        final String fileId = hex(24);
        final String session = hex(12);
        final AtomicInteger failNext = new AtomicInteger();
        volatile boolean expired;
        volatile boolean direct;
        volatile boolean stalled;
        volatile boolean chunked;
        volatile String redirect;
        volatile String disposition;
        volatile String page;

        Entry(String name, byte[] content) {
            this.name = name;
            this.content = content;
            this.disposition = "attachment; filename*=UTF-8''" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    public FakeTransferStation start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            try (exchange) {
                requests.incrementAndGet();
                Map<String, String> headers = new ConcurrentHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join("; ", values)));
                lastHeaders = headers;
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/cgi-bin/ftnExs_download")) {
                    page(exchange, byKey.get(parameter(exchange.getRequestURI(), "k")));
                } else if (path.startsWith("/ftn_handler/")) {
                    file(exchange, byFileId.get(path.substring("/ftn_handler/".length()).split("/", 2)[0]));
                } else {
                    exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        server.start();
        return this;
    }

    /** A new file's download-page link. */
    public URI linkFor(String name, byte[] content) {
        Entry entry = new Entry(name, content);
        byKey.put(entry.key, entry);
        byFileId.put(entry.fileId, entry);
        return URI.create(base() + "/cgi-bin/ftnExs_download?t=exs_ftn_download&k=" + entry.key + "&code=" + hex(4));
    }

    /** The page then shows an expiry message and no file link. */
    public void expire(URI link) { entry(link).expired = true; }

    /** The next GET of the page answers this status. */
    public void failNext(URI link, int status) { entry(link).failNext.set(status); }

    /** The file body sends half its bytes, then stalls until the station closes. */
    public void stall(URI link) { entry(link).stalled = true; }

    /** The page URL answers with the file itself. */
    public void serveDirectly(URI link) { entry(link).direct = true; }

    /** The file is sent chunked, without a Content-Length. */
    public void hideLength(URI link) { entry(link).chunked = true; }

    /** The page answers 302 to this location. */
    public void redirect(URI link, String location) { entry(link).redirect = location; }

    /** The file's Content-Disposition, as raw header bytes (non-ASCII names included). */
    public void disposition(URI link, byte[] header) { entry(link).disposition = new String(header, StandardCharsets.ISO_8859_1); }

    /** The page then is this HTML document (sent GBK-encoded, with the session cookie). */
    public void page(URI link, String html) { entry(link).page = html; }

    /** The file link of a file, as its page carries it (unescaped). */
    public String fileUrl(URI link) {
        return fileUrl(entry(link));
    }

    private String fileUrl(Entry entry) {
        return base() + "/ftn_handler/" + entry.fileId + "/?fname=" + URLEncoder.encode(entry.name, StandardCharsets.UTF_8)
                + "&k=" + entry.key + "&fr=00&&txf_fid=" + entry.fileId.substring(0, 16);
    }

    /** Requests received so far (pages and files). */
    public int requests() { return requests.get(); }

    /** A header of the last request received (lower-case name), or null. */
    public String lastHeader(String name) { return lastHeaders.get(name.toLowerCase()); }

    public String base() { return "http://127.0.0.1:" + server.getAddress().getPort(); }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void page(HttpExchange exchange, Entry entry) throws IOException {
        int status = entry == null ? 404 : entry.failNext.getAndSet(0);
        if (status != 0) {
            exchange.sendResponseHeaders(status, -1);
        } else if (entry.redirect != null) {
            exchange.getResponseHeaders().set("Location", entry.redirect);
            exchange.sendResponseHeaders(302, -1);
        } else if (entry.direct) {
            send(exchange, entry);
        } else {
            String body = entry.expired
                    ? "<div class=\"infobar error\"><span>该文件已过期或已被删除</span></div>"
                    : "<p>超大附件：" + entry.name + "（" + entry.content.length + " 字节）</p><a class=\"btn\" href=\""
                            + fileUrl(entry).replace("&", "&amp;") + "\">下载</a>";
            String html = entry.page != null ? entry.page
                    : "<html><head><meta charset=\"gbk\"><title>QQ邮箱 - 超大附件</title></head><body>" + body + "</body></html>";
            byte[] bytes = html.getBytes(GBK);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=GBK");
            exchange.getResponseHeaders().add("Set-Cookie", "ftn_session=" + entry.session + "; Path=/; HttpOnly");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private void file(HttpExchange exchange, Entry entry) throws IOException {
        String cookie = exchange.getRequestHeaders().getFirst("Cookie");
        if (entry == null || cookie == null || !cookie.contains("ftn_session=" + entry.session)) {
            exchange.sendResponseHeaders(403, -1);
        } else {
            send(exchange, entry);
        }
    }

    private void send(HttpExchange exchange, Entry entry) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.getResponseHeaders().set("Content-Disposition", entry.disposition);
        exchange.sendResponseHeaders(200, entry.chunked ? 0 : entry.content.length);
        OutputStream out = exchange.getResponseBody();
        if (entry.stalled) {
            out.write(entry.content, 0, entry.content.length / 2);
            out.flush();
            try {
                closing.await();
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        out.write(entry.content);
    }

    private Entry entry(URI link) {
        return byKey.get(parameter(link, "k"));
    }

    private static String parameter(URI uri, String name) {
        for (String pair : String.valueOf(uri.getRawQuery()).split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return "";
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
