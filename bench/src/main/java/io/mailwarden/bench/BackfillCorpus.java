package io.mailwarden.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The backfill benchmark's mailbox, written straight into a Dovecot Maildir (one file per message, CRLF
 * line ends, the size in the name so the server need not read it to list it), deterministically from a
 * seed. Plain messages come from {@link BenchMail} (text, or text and HTML); a message with attachments is
 * such a message made {@code multipart/mixed} with one or two real PDF or DOCX files (Chinese or English),
 * drawn from a pool so that generating the corpus stays fast.
 */
final class BackfillCorpus {

    /** What a folder got. */
    record Folder(String name, int messages, long bytes) {
        @Override
        public String toString() {
            return name + " " + messages + " " + bytes;
        }
    }

    private final BenchMail mail;
    private final BenchDocs docs;
    private final Random rnd;
    private final byte[][] pdfs;
    private final byte[][] docxs;
    private int sequence;

    BackfillCorpus(long seed, BenchDocs docs, int pool) {
        this.mail = new BenchMail(seed, Instant.parse("2026-11-01T00:00:00Z"));
        this.docs = docs;
        this.rnd = new Random(seed + 1);
        this.pdfs = new byte[pool][];
        this.docxs = new byte[pool][];
    }

    /** {@code count} messages, three in ten (evenly spread) with attachments. */
    Folder mixed(Path maildir, String name, int count) throws IOException {
        Path dir = folderDir(maildir, name);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += write(dir, i % 10 == 0 || i % 10 == 4 || i % 10 == 7 ? withAttachments() : plain());
        }
        return new Folder(name, count, bytes);
    }

    /** {@code count} messages without attachments. */
    Folder plain(Path maildir, String name, int count) throws IOException {
        Path dir = folderDir(maildir, name);
        long bytes = 0;
        for (int i = 0; i < count; i++) {
            bytes += write(dir, plain());
        }
        return new Folder(name, count, bytes);
    }

    /** One message per size (MB), each with one big attachment: a text log, a scanned PDF, a binary, in turn. */
    Folder large(Path maildir, String name, long[] megabytes) throws IOException {
        Path dir = folderDir(maildir, name);
        long bytes = 0;
        for (int i = 0; i < megabytes.length; i++) {
            long payload = megabytes[i] * (1 << 20) * 3 / 4; // base64 makes it 4/3 bigger
            String part = switch (i % 3) {
                case 0 -> BenchMail.attachmentPart("text/plain; charset=UTF-8", "server-" + i + ".log", logText(payload));
                case 1 -> BenchMail.attachmentPart("application/pdf", "扫描件-" + i + ".pdf",
                        BenchDocs.scanPdf(payload, "Scanned contract " + i, rnd));
                default -> BenchMail.attachmentPart("application/octet-stream", "backup-" + i + ".bin", noise(payload));
            };
            bytes += write(dir, mixedWith(plain(), List.of(part)));
        }
        return new Folder(name, megabytes.length, bytes);
    }

    private byte[] plain() {
        while (true) {
            byte[] raw = mail.next(sequence++).bytes();
            if (!headerOf(raw).contains("Content-Type: multipart/mixed")) {
                return raw;
            }
        }
    }

    private byte[] withAttachments() throws IOException {
        int n = 1 + (rnd.nextInt(5) == 0 ? 1 : 0);
        String[] parts = new String[n];
        for (int a = 0; a < n; a++) {
            boolean pdf = rnd.nextBoolean();
            int k = rnd.nextInt(pdfs.length);
            boolean zh = k % 2 == 0 && (!pdf || docs.chinesePdfs());
            String file = (pdf ? zh ? "发票_%d.pdf" : "invoice-%d.pdf" : zh ? "合同_%d.docx" : "contract-%d.docx").formatted(k);
            parts[a] = pdf ? BenchMail.attachmentPart("application/pdf", file, pooled(pdfs, k, true, zh))
                    : BenchMail.attachmentPart("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                            file, pooled(docxs, k, false, zh));
        }
        return mixedWith(plain(), Arrays.asList(parts));
    }

    private byte[] pooled(byte[][] pool, int k, boolean pdf, boolean zh) throws IOException {
        if (pool[k] == null) {
            List<String> lines = List.of(mail.text(zh, 1500 + rnd.nextInt(4500), null).split("\r\n"));
            pool[k] = pdf ? docs.pdf(lines, zh) : BenchDocs.docx(lines);
        }
        return pool[k];
    }

    /** The message made multipart/mixed: its own body (with its content headers) first, then the parts. */
    private byte[] mixedWith(byte[] raw, List<String> parts) {
        String s = new String(raw, StandardCharsets.US_ASCII);
        int end = s.indexOf("\r\n\r\n");
        StringBuilder header = new StringBuilder();
        StringBuilder content = new StringBuilder();
        boolean inContent = false;
        for (String line : s.substring(0, end).split("\r\n")) {
            if (!line.startsWith(" ") && !line.startsWith("\t")) {
                String lower = line.toLowerCase();
                inContent = lower.startsWith("content-type:") || lower.startsWith("content-transfer-encoding:");
            }
            (inContent ? content : header).append(line).append("\r\n");
        }
        String boundary = "bench-mixed-" + sequence;
        StringBuilder out = new StringBuilder(s.length() + parts.stream().mapToInt(String::length).sum() + 256)
                .append(header).append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n\r\n")
                .append("--").append(boundary).append("\r\n").append(content).append("\r\n").append(s, end + 4, s.length());
        for (String part : parts) {
            out.append("\r\n--").append(boundary).append("\r\n").append(part);
        }
        out.append("\r\n--").append(boundary).append("--\r\n");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] logText(long bytes) {
        StringBuilder sb = new StringBuilder((int) bytes + 8192);
        while (sb.length() < bytes) {
            sb.append(mail.text(rnd.nextBoolean(), 8192, null));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private byte[] noise(long bytes) {
        byte[] b = new byte[(int) bytes];
        rnd.nextBytes(b);
        return b;
    }

    private static String headerOf(byte[] raw) {
        String s = new String(raw, 0, Math.min(raw.length, 8192), StandardCharsets.US_ASCII);
        int end = s.indexOf("\r\n\r\n");
        return end < 0 ? s : s.substring(0, end);
    }

    private static Path folderDir(Path maildir, String name) throws IOException {
        Path dir = name.equals("INBOX") ? maildir : maildir.resolve("." + name);
        for (String sub : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(dir.resolve(sub));
        }
        return dir;
    }

    /** Writes one message into cur/ as unseen; returns its size. */
    private long write(Path dir, byte[] raw) throws IOException {
        int n = sequence++;
        // Dovecot gives new files UIDs in the order of the time stamp their names start with
        String file = "%d.M%dP1.bench,S=%d,W=%d:2,".formatted(1_700_000_000L + n, n, raw.length, raw.length);
        Files.write(dir.resolve("cur").resolve(file), raw);
        return raw.length;
    }
}
