package io.mailwarden.outbound;

import io.mailwarden.message.Message;
import io.mailwarden.message.parse.MessageParser;
import java.nio.charset.StandardCharsets;

/** Small raw messages for the outbound tests, written as text with {@code \n} line ends. */
final class Mails {

    /** Mail from a customer to support, as an SMTP server delivers it (with Return-Path). */
    static final String CUSTOMER = """
            Return-Path: <maria@customer.example>
            From: Maria Rossi <maria@customer.example>
            To: Support <support@corp.example>
            Subject: Cannot log in
            Message-ID: <q1@customer.example>
            Date: Thu, 5 Mar 2026 09:05:00 +0100
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            Since this morning I cannot log in.
            """;

    private Mails() {
    }

    static byte[] raw(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static Message parse(String text) {
        return new MessageParser().parse(raw(text));
    }

    /** {@link #CUSTOMER} with {@code header} (a whole line, or several) added on top. */
    static String customerWith(String header) {
        return header.strip() + "\n" + CUSTOMER;
    }

    /** {@link #CUSTOMER} with the first line starting with {@code name + ":"} replaced by {@code line}. */
    static String customerReplacing(String name, String line) {
        return CUSTOMER.replaceFirst("(?m)^" + name + ":.*$", java.util.regex.Matcher.quoteReplacement(line));
    }
}
