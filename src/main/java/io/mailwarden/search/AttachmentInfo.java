package io.mailwarden.search;

/**
 * An attachment as hits and message views list it.
 *
 * @param index its number, from 0 in MIME order ({@code /api/messages/{id}/attachments/{index}})
 * @param problem why its text could not be extracted, or an empty string
 */
public record AttachmentInfo(int index, String name, String type, long size, String problem) {
}
