package io.mailwarden.archive.linked;

/**
 * A message's link to a file it does not attach.
 *
 * @param url the link, as the message carries it
 * @param name the file's name as the message gives it, or an empty string
 */
public record FileLink(String url, String name) {
}
