package io.mailwarden.search;

import java.io.InputStream;

/**
 * An attachment's decoded bytes, as a stream the caller closes, with its file name (as the message names
 * it) and media type.
 */
public record AttachmentContent(String filename, String mediaType, InputStream content) {
}
