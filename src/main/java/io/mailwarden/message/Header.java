package io.mailwarden.message;

/**
 * A header field with its value decoded to text (encoded-words and raw 8-bit bytes resolved).
 *
 * @param name the field name as written
 * @param value the decoded, unfolded value
 */
public record Header(String name, String value) {
}
