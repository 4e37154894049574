package io.mailwarden.search;

import java.util.List;

/**
 * An archived message as the message page shows it.
 *
 * @param summary what a hit shows (its snippet is empty here)
 * @param parts the text of each part: the body first, then each attachment's extracted text
 * @param rules the rules that acted on the message
 * @param status where it lives now: {@code present}, {@code moved}, or {@code deleted on the server}
 * @param problems what could not be parsed or extracted
 */
public record MessageView(Hit summary, List<Part> parts, List<String> rules, String status, List<String> problems) {

    /** @param name {@code body}, or the attachment's file name */
    public record Part(String name, String type, String text) {
    }
}
