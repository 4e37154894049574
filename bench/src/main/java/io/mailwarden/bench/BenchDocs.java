package io.mailwarden.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Real PDF and DOCX attachments for the backfill corpus, made with PDFBox and POI. Chinese PDFs embed a
 * subset of a CJK TrueType font, as real ones do (Debian's {@code fonts-droid-fallback}); without it,
 * PDFs are English only.
 */
final class BenchDocs {

    /** The CJK font the bench script installs. */
    static final Path CJK_FONT = Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

    private static final int LINES_PER_PAGE = 48;

    private final TrueTypeFont cjk;

    BenchDocs(Path cjkFont) throws IOException {
        this.cjk = Files.isReadable(cjkFont) ? new TTFParser().parse(new RandomAccessReadBufferedFile(cjkFont.toFile())) : null;
    }

    boolean chinesePdfs() {
        return cjk != null;
    }

    /** A PDF of these lines, 48 to a page; Chinese lines need the CJK font. */
    byte[] pdf(List<String> lines, boolean chinese) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDFont font = chinese ? PDType0Font.load(doc, cjk, true) : new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int first = 0; first < lines.size(); first += LINES_PER_PAGE) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 10);
                    cs.setLeading(14);
                    cs.newLineAtOffset(56, 790);
                    for (String line : lines.subList(first, Math.min(lines.size(), first + LINES_PER_PAGE))) {
                        cs.showText(line);
                        cs.newLine();
                    }
                    cs.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** A DOCX of these lines, one paragraph each. */
    static byte[] docx(List<String> lines) throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (String line : lines) {
                doc.createParagraph().createRun().setText(line);
            }
            doc.write(out);
            return out.toByteArray();
        }
    }

    /**
     * A PDF of about {@code bytes} bytes: each page a scanned-looking image of noise (incompressible, so
     * the size is reached with few pages) under a line of text, as a large scan with an OCR layer is.
     */
    /**
     * A "scanned" PDF of about {@code bytes}, written to {@code out}: pages of incompressible noise under a
     * line of text. Page streams wait in temporary files, so any size can be made.
     */
    static void scanPdf(long bytes, String caption, Random rnd, OutputStream out) throws IOException {
        int side = 800; // ~1.9 MB per page once compressed: noise does not compress
        long perPage = 3L * side * side;
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PDFont font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (long made = 0; made < bytes; made += perPage) {
                BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        image.setRGB(x, y, rnd.nextInt(1 << 24));
                    }
                }
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.drawImage(LosslessFactory.createFromImage(doc, image), 56, 200, 480, 480);
                    cs.beginText();
                    cs.setFont(font, 10);
                    cs.newLineAtOffset(56, 790);
                    cs.showText(caption + " page " + doc.getNumberOfPages());
                    cs.endText();
                }
            }
            doc.save(out);
        }
    }
}
