package io.mailwarden.bench;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
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

    /**
     * One message per size (MB), each with one big attachment: a text log, a scanned PDF, a binary, in turn.
     * Written as a stream (the attachment base64-encoded on its way to the file), so any size can be made.
     */
    Folder large(Path maildir, String name, long[] megabytes) throws IOException {
        Path dir = folderDir(maildir, name);
        long bytes = 0;
        for (int i = 0; i < megabytes.length; i++) {
            long payload = megabytes[i] * (1 << 20) * 3 / 4; // base64 makes it 4/3 bigger
            int kind = i % 3;
            String header = switch (kind) {
                case 0 -> BenchMail.attachmentHeader("text/plain; charset=UTF-8", "server-" + i + ".log");
                case 1 -> BenchMail.attachmentHeader("application/pdf", "扫描件-" + i + ".pdf");
                default -> BenchMail.attachmentHeader("application/octet-stream", "backup-" + i + ".bin");
            };
            String[] around = mixedAround(plain());
            Path tmp = dir.resolve("tmp").resolve("large-" + i);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                out.write((around[0] + header).getBytes(StandardCharsets.UTF_8));
                try (OutputStream b64 = Base64.getMimeEncoder().wrap(new FilterOutputStream(out) {
                    @Override
                    public void close() throws IOException {
                        flush(); // the message goes on after the attachment
                    }
                })) {
                    switch (kind) {
                        case 0 -> logText(payload, b64);
                        case 1 -> BenchDocs.scanPdf(payload, "Scanned contract " + i, rnd, b64);
                        default -> noise(payload, b64);
                    }
                }
                out.write(("\r\n" + around[1]).getBytes(StandardCharsets.US_ASCII));
            }
            bytes += move(tmp, dir);
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
        String[] around = mixedAround(raw);
        StringBuilder out = new StringBuilder(raw.length + parts.stream().mapToInt(String::length).sum() + 256)
                .append(around[0], 0, around[0].length() - around[2].length());
        for (String part : parts) {
            out.append(around[2]).append(part);
        }
        out.append(around[1]);
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The message made multipart/mixed around one more part: what comes before that part's header section
     * (ending with the boundary line), what comes after its content, and the boundary line itself.
     */
    private String[] mixedAround(byte[] raw) {
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
        String line = "\r\n--" + boundary + "\r\n";
        String before = header + "Content-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\n" + content + "\r\n" + s.substring(end + 4) + line;
        return new String[] {before, "\r\n--" + boundary + "--\r\n", line};
    }

    private void logText(long bytes, OutputStream out) throws IOException {
        for (long made = 0; made < bytes;) {
            byte[] chunk = mail.text(rnd.nextBoolean(), 8192, null).getBytes(StandardCharsets.UTF_8);
            out.write(chunk);
            made += chunk.length;
        }
    }

    private void noise(long bytes, OutputStream out) throws IOException {
        byte[] chunk = new byte[1 << 16];
        for (long made = 0; made < bytes; made += chunk.length) {
            rnd.nextBytes(chunk);
            out.write(chunk, 0, (int) Math.min(chunk.length, bytes - made));
        }
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
        Files.write(dir.resolve("cur").resolve(fileName(raw.length)), raw);
        return raw.length;
    }

    /** Moves a message written in tmp/ into cur/ as unseen; returns its size. */
    private long move(Path tmp, Path dir) throws IOException {
        long size = Files.size(tmp);
        Files.move(tmp, dir.resolve("cur").resolve(fileName(size)));
        return size;
    }

    private String fileName(long size) {
        int n = sequence++;
        // Dovecot gives new files UIDs in the order of the time stamp their names start with
        return "%d.M%dP1.bench,S=%d,W=%d:2,".formatted(1_700_000_000L + n, n, size, size);
    }
}
