package io.mailwarden.bench;

import io.mailwarden.archive.extract.ExtractLimits;
import io.mailwarden.archive.extract.Extraction;
import io.mailwarden.archive.extract.TextExtractor;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * Time and heap of extracting one large attachment with the default limits: a CSV, a PDF whose bulk is
 * images, a zip of text, and random bytes that claim to be a PDF. See bench/README.md.
 */
public final class ExtractBench {

    private ExtractBench() {
    }

    public static void main(String[] args) throws Exception {
        int mb = Integer.getInteger("bench.mb", 100);
        long size = (long) mb << 20;
        try (TextExtractor extractor = new TextExtractor(ExtractLimits.defaults())) {
            extractor.extract(pdf(1), "application/pdf", null, "warm-up.pdf");
            run(extractor, "csv", csv(size), "text/csv", "big.csv");
            run(extractor, "pdf", pdf(size), "application/pdf", "big.pdf");
            run(extractor, "zip", zip(size), "application/zip", "big.zip");
            byte[] noise = new byte[(int) size];
            new Random(42).nextBytes(noise);
            run(extractor, "garbage-pdf", noise, "application/pdf", "fake.pdf");
        }
    }

    private static void run(TextExtractor extractor, String name, byte[] bytes, String type, String file) {
        System.gc();
        long before = heapUsed();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long start = System.nanoTime();
        Extraction e = extractor.extract(bytes, type, null, file);
        double secs = (System.nanoTime() - start) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("RESULT case=%s input_mb=%.1f secs=%.2f mb_per_sec=%.1f status=%s chars=%d"
                        + " heap_before_mb=%d heap_peak_mb=%d problem=\"%s\"%n",
                name, bytes.length / 1048576.0, secs, bytes.length / 1048576.0 / secs, e.status(), e.text().length(),
                before >> 20, peak >> 20, e.problem());
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static byte[] csv(long size) {
        byte[] out = new byte[(int) size];
        byte[] line = "1001,北京贸易公司,invoice 4711,250.00\n".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < out.length; i++) {
            out[i] = line[i % line.length];
        }
        return out;
    }

    /** Pages of text, each with a noise image of about 3 MB; built in a temp file, off the heap. */
    private static byte[] pdf(long size) throws IOException {
        Path file = Files.createTempFile("extract-bench", ".pdf");
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            Random random = new Random(7);
            for (long done = 0; done < size; done += 3L << 20) {
                PDPage page = new PDPage();
                doc.addPage(page);
                BufferedImage image = new BufferedImage(1024, 1024, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < 1024; y++) {
                    for (int x = 0; x < 1024; x++) {
                        image.setRGB(x, y, random.nextInt());
                    }
                }
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(LosslessFactory.createFromImage(doc, image), 0, 0, 300, 300);
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("Page " + doc.getNumberOfPages() + " of the quarterly report");
                    cs.endText();
                }
            }
            doc.save(file.toFile());
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A zip of one text entry that unpacks to {@code size} bytes. */
    private static byte[] zip(long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] block = csv(1 << 20);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("ledger.csv"));
            for (long done = 0; done < size; done += block.length) {
                zip.write(block);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
