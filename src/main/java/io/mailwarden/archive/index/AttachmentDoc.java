package io.mailwarden.archive.index;

/**
 * One attachment of an archived message, as the index knows it.
 *
 * @param name the decoded file name, or an empty string
 * @param type the media type detected from the bytes ({@code application/pdf}), or an empty string
 * @param size the decoded size in bytes
 * @param text the extracted text, or an empty string (none, or not extractable)
 * @param problem what went wrong extracting it ({@code encrypted}, {@code failed: ...}), or an empty string
 */
public record AttachmentDoc(String name, String type, long size, String text, String problem) {

    public AttachmentDoc {
        name = name == null ? "" : name;
        type = type == null ? "" : type;
        text = text == null ? "" : text;
        problem = problem == null ? "" : problem;
    }
}
