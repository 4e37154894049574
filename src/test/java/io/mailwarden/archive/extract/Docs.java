package io.mailwarden.archive.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.hslf.usermodel.HSLFTextBox;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Builds real documents of every type the archive reads, each holding the given text. */
public final class Docs {

    private Docs() {
    }

    interface Writer {
        void write(ByteArrayOutputStream out) throws IOException;
    }

    static byte[] bytes(Writer w) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            w.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] pdf(String text) {
        return pdf(text, false);
    }

    /** A PDF that needs a user password to open. */
    public static byte[] encryptedPdf(String text) {
        return pdf(text, true);
    }

    private static byte[] pdf(String text, boolean encrypted) {
        return bytes(out -> {
            try (PDDocument doc = new PDDocument()) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText(text);
                    cs.endText();
                }
                if (encrypted) {
                    doc.protect(new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
                }
                doc.save(out);
            }
        });
    }

    /**
     * A PDF of Chinese text as Chinese PDFs are made: a Type0 font with Identity-H codes and a ToUnicode
     * map (the font itself is not embedded: there is no CJK font here, and text extraction needs none).
     */
    static byte[] chinesePdf(String text) {
        StringBuilder codes = new StringBuilder();
        StringBuilder map = new StringBuilder();
        text.chars().distinct().forEach(c -> map.append(String.format("<%04X> <%04X>%n", c, c)));
        text.chars().forEach(c -> codes.append(String.format("%04X", c)));
        String content = "BT /F1 12 Tf 72 700 Td <" + codes + "> Tj ET";
        String cmap = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                + "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                + "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
                + "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                + text.chars().distinct().count() + " beginbfchar\n" + map + "endbfchar\n"
                + "endcmap CMapName currentdict /CMap defineresource pop end end";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >>"
                        + " /Contents 5 0 R >>",
                "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H"
                        + " /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
                stream(content),
                "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /STSong-Light /CIDToGIDMap /Identity"
                        + " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
                        + " /FontDescriptor 8 0 R >>",
                stream(cmap),
                "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -120 1000 880]"
                        + " /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>");
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> pdf.append(String.format("%010d 00000 n \n", o)));
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII); // all ASCII: offsets are byte offsets
    }

    private static String stream(String content) {
        return "<< /Length " + content.length() + " >>\nstream\n" + content + "\nendstream";
    }

    public static byte[] docx(String text) {
        return bytes(out -> {
            try (XWPFDocument d = new XWPFDocument()) {
                d.createParagraph().createRun().setText(text);
                d.write(out);
            }
        });
    }

    static byte[] xlsx(String text) {
        return workbook(new XSSFWorkbook(), text);
    }

    static byte[] xls(String text) {
        return workbook(new HSSFWorkbook(), text);
    }

    private static byte[] workbook(Workbook wb, String text) {
        return bytes(out -> {
            try (wb) {
                wb.createSheet("Sheet1").createRow(0).createCell(0).setCellValue(text);
                wb.write(out);
            }
        });
    }

    static byte[] pptx(String text) {
        return bytes(out -> {
            try (XMLSlideShow show = new XMLSlideShow()) {
                show.createSlide().createTextBox().setText(text);
                show.write(out);
            }
        });
    }

    static byte[] ppt(String text) {
        return bytes(out -> {
            try (HSLFSlideShow show = new HSLFSlideShow()) {
                HSLFTextBox box = new HSLFTextBox();
                box.setText(text);
                show.createSlide().addShape(box);
                show.write(out);
            }
        });
    }

    /** An OpenDocument text: a zip with the mimetype first and stored, a manifest and content.xml. */
    static byte[] odt(String text) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("mimetype", "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII));
        entries.put("META-INF/manifest.xml", ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">
                 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>""").getBytes(StandardCharsets.UTF_8));
        entries.put("content.xml", ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                 <office:body><office:text><text:p>%s</text:p></office:text></office:body>
                </office:document-content>""").formatted(text).getBytes(StandardCharsets.UTF_8));
        return zip(entries, "mimetype");
    }

    static byte[] zip(Map<String, byte[]> entries) {
        return zip(entries, null);
    }

    private static byte[] zip(Map<String, byte[]> entries, String stored) {
        return bytes(out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    if (e.getKey().equals(stored)) {
                        CRC32 crc = new CRC32();
                        crc.update(e.getValue());
                        entry.setMethod(ZipEntry.STORED);
                        entry.setSize(e.getValue().length);
                        entry.setCrc(crc.getValue());
                    }
                    zip.putNextEntry(entry);
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
        });
    }

    /** A zip whose one entry unpacks to {@code size} zero bytes (a zip bomb, tamed to the test's size). */
    public static byte[] zipBomb(long size) {
        return bytes(out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("zeros.bin"));
                byte[] block = new byte[1 << 20];
                for (long done = 0; done < size; done += block.length) {
                    zip.write(block, 0, (int) Math.min(block.length, size - done));
                }
                zip.closeEntry();
            }
        });
    }
}
