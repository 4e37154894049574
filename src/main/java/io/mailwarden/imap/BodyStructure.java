package io.mailwarden.imap;

import io.mailwarden.message.Attachment;
import io.mailwarden.message.parse.PartHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The attachments a {@code BODYSTRUCTURE} describes, named and typed exactly as the parser would name
 * and type them from the message itself: each part's type, parameters and disposition are put back
 * into header form and decoded by the same code (RFC 2231, encoded-words such as
 * {@code "=?GBK?B?...?="}, raw 8-bit), rather than by Jakarta Mail's own parameter decoding.
 */
final class BodyStructure {

    /** A base64 line of 76 characters and CRLF carries 57 bytes. */
    private static final int BASE64_LINE = 78;
    private static final int BASE64_BYTES = 57;

    private final List<Attachment> out = new ArrayList<>();

    private BodyStructure() {
    }

    /**
     * The attachments of the BODYSTRUCTURE in one raw FETCH response ({@code * 3 FETCH (... BODYSTRUCTURE (...))},
     * bytes as ISO-8859-1 characters); empty when it holds none or cannot be read.
     */
    static List<Attachment> attachments(String fetchResponse) {
        Object structure = ImapValues.item(fetchResponse, "BODYSTRUCTURE");
        BodyStructure walk = new BodyStructure();
        if (structure instanceof List<?> body) {
            walk.part(body);
        }
        return List.copyOf(walk.out);
    }

    private void part(List<?> body) {
        if (!body.isEmpty() && body.get(0) instanceof List<?>) {
            for (Object child : body) {
                if (!(child instanceof List<?> c)) {
                    break; // the parts lead; the subtype and extension data (parameters are a list too) follow
                }
                part(c);
            }
            return;
        }
        String type = lower(at(body, 0)) + "/" + lower(at(body, 1));
        int extension = switch (type) {
            case "message/rfc822", "message/global" -> 10; // envelope, body and lines come first
            default -> type.startsWith("text/") ? 8 : 7; // text has a line count
        };
        String disposition = null;
        if (body.size() > extension + 1 && body.get(extension + 1) instanceof List<?> d && !d.isEmpty()) {
            disposition = header(at(d, 0), d.size() > 1 ? d.get(1) : null);
        }
        PartHeaders h = PartHeaders.of(header(type, body.size() > 2 ? body.get(2) : null), disposition);
        if (h.bodyText() || h.multipart()) {
            return;
        }
        long size = number(at(body, 6));
        if ("base64".equals(lower(at(body, 5)))) {
            size = size * BASE64_BYTES / BASE64_LINE; // the decoded size, as the parser counts it, within a line
        }
        out.add(new Attachment(out.size(), h.filename(), h.mediaType(), size, () -> ""));
    }

    /** {@code value; name="v"; ...}, the form the parser reads from the message. */
    private static String header(String value, Object params) {
        StringBuilder sb = new StringBuilder(value == null ? "" : value);
        if (params instanceof List<?> p) {
            for (int i = 0; i + 1 < p.size(); i += 2) {
                String v = p.get(i + 1) instanceof String s ? s : "";
                sb.append("; ").append(p.get(i)).append("=\"")
                        .append(v.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return sb.toString();
    }

    private static String at(List<?> list, int i) {
        return i < list.size() && list.get(i) instanceof String s ? s : null;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static long number(String s) {
        try {
            return s == null ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
