package io.mailwarden.search;

/** An attachment's decoded bytes with its file name (as the message names it) and media type. */
public record AttachmentContent(String filename, String mediaType, byte[] bytes) {
}
