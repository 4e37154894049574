package io.mailwarden.testing.exmail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Exmail advertises {@code AUTH=PLAIN AUTH=LOGIN}; GreenMail does neither. The proxy runs the
 * SASL exchange with the client itself and sends the server a plain LOGIN with the same tag.
 */
final class SaslBridge {

    /** The client side of the exchange: send a continuation, read the client's answer line. */
    interface Exchange {
        String challenge(String continuation) throws IOException;
    }

    /** The exchange failed; {@code reply} is the tagged answer for the client. */
    static final class Failure extends Exception {
        final String reply;

        Failure(String reply) {
            super(reply, null, false, false);
            this.reply = reply;
        }
    }

    private SaslBridge() {
    }

    static Command toLogin(Command authenticate, Exchange exchange) throws IOException, Failure {
        String mechanism = authenticate.arg(0) == null ? "" : authenticate.arg(0).toUpperCase(Locale.ROOT);
        String user;
        String password;
        switch (mechanism) {
            case "PLAIN" -> {
                String initial = authenticate.arg(1);
                String[] parts = decode(authenticate, initial != null ? initial : answer(authenticate, exchange, ""))
                        .split("\0", -1);
                if (parts.length != 3) {
                    throw new Failure(authenticate.reply("BAD invalid PLAIN response"));
                }
                user = parts[1];
                password = parts[2];
            }
            case "LOGIN" -> {
                user = decode(authenticate, answer(authenticate, exchange, encode("Username:")));
                password = decode(authenticate, answer(authenticate, exchange, encode("Password:")));
            }
            default -> throw new Failure(authenticate.reply("NO Unsupported authentication mechanism"));
        }
        return Command.parse(authenticate.tag() + " LOGIN " + ImapTokens.quote(user) + " " + ImapTokens.quote(password));
    }

    private static String answer(Command authenticate, Exchange exchange, String challenge) throws IOException, Failure {
        String answer = exchange.challenge("+ " + challenge);
        if (answer == null || answer.equals("*")) {
            throw new Failure(authenticate.reply("BAD AUTHENTICATE cancelled"));
        }
        return answer;
    }

    private static String decode(Command authenticate, String base64) throws Failure {
        try {
            return new String(Base64.getDecoder().decode(base64.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Failure(authenticate.reply("BAD invalid base64"));
        }
    }

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
