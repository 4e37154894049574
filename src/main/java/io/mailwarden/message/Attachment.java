package io.mailwarden.message;

import java.util.function.Supplier;

/**
 * A part of a message that a person would call an attachment.
 *
 * @param index position among the message's attachments, from 0
 * @param filename the decoded file name, or an empty string
 * @param mediaType the declared media type, lower-case ({@code application/pdf})
 * @param size decoded size in bytes
 * @param text the extracted text, computed on first use (empty when no extractor knows the type)
 */
public record Attachment(int index, String filename, String mediaType, long size, Supplier<String> text) {

    /** The extracted text of the attachment; computed once, on first call. */
    public String extractedText() {
        String t = text.get();
        return t == null ? "" : t;
    }
}
